#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver (linked in by -sanitize=fuzzer): runs the fuzzing loop with `callback`.
/// The harnesses call it from their entry point, because SwiftPM names an executable's entry point
/// after its module (`FuzzFacts_main`) rather than leaving `main` to libFuzzer.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
