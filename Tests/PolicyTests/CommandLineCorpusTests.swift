import Foundation
import PolicyCommandLine
import Testing

/// The command-line fuzz seeds (Fuzz/corpus/cli: arguments separated by NUL) replayed with the
/// harness's checks: parsed and validated in process, every edge value refused with a message
/// and status 2, never a trap.
struct CommandLineCorpusTests {
    @Test func everySeedParsesOrIsRefusedWithAMessage() throws {
        let seeds = try FuzzCorpusTests.seeds("cli")
        #expect(seeds.count >= 10)
        for (name, bytes) in seeds {
            let arguments = bytes.split(separator: 0, omittingEmptySubsequences: false).map {
                String(decoding: $0, as: UTF8.self)
            }
            let (status, message) = Policyc.parseOnly(arguments)
            #expect([0, 1, 2].contains(status), "\(name): \(status)")
            if status != 0 { #expect(!message.isEmpty, "\(name)") }
        }
    }

    @Test func edgeValuesAreRefusedInProcessToo() {
        for arguments in [
            ["eval", "--jsonl", "--max-line-bytes", "9223372036854775807"], ["serve", "--reload-interval", "inf"],
            ["serve", "--reload-interval", "nan"], ["test", "--min-coverage", "1e300"], ["bench", "--runs", "0"],
        ] {
            let (status, message) = Policyc.parseOnly(arguments + ["--lang", "en"])
            #expect(status == 2, "\(arguments)")
            #expect(message.contains("must be between"), "\(message)")
        }
        #expect(Policyc.parseOnly(["eval", "--jsonl", "--max-line-bytes", "1024"]).status == 0)
    }
}
