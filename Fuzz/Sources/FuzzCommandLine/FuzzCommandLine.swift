import CFuzzer
import Foundation
import PolicyCommandLine
import PolicyDiagnostics

/// policyc's command line, parsed and validated in process as `policyc` does before it runs a
/// command (`Policyc.parseOnly`): the input is the arguments, separated by NUL bytes. Checks:
/// nothing traps (numeric options at any value, revisions and paths of any shape); every refusal
/// has a message and a documented status; each argument taken as a path is resolved against the
/// policy root without reading outside it.
@_cdecl("FuzzCommandLine_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv, test)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func test(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data, size <= 4096 else { return 0 }
    let arguments = UnsafeBufferPointer(start: data, count: size).split(separator: 0, omittingEmptySubsequences: false)
        .prefix(24).map { String(decoding: $0, as: UTF8.self) }
    let (status, message) = Policyc.parseOnly(arguments)
    // 0 valid (or --help/--version), 1 and 2 as documented; ArgumentParser's own codes never escape.
    guard [0, 1, 2].contains(status) else { fatalError("status \(status) for \(arguments): \(message)") }
    if status != 0 && message.isEmpty { fatalError("a refusal without a message for \(arguments)") }
    for argument in arguments.prefix(4) where !argument.isEmpty && argument.utf8.count < 256 {
        _ = SystemFile.resolves(argument, inside: "corpus")
        _ = TerminalText.escaped(argument)
    }
    return 0
}
