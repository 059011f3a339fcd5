import CFuzzer
import PolicyDiagnostics
import PolicyLoader

/// The entry point SwiftPM gives the executable: hands the loop to libFuzzer.
@_cdecl("FuzzYAML_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv, test)
}

/// One policy file through libyaml and the node builder: any bytes give a tree or diagnostics,
/// never a trap, and every diagnostic's span lies inside the file.
@_cdecl("LLVMFuzzerTestOneInput")
public func test(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let bytes = UnsafeBufferPointer(start: data, count: size)
    guard let text = String(validating: bytes, as: UTF8.self) else { return 0 }  // the loader refuses non-UTF-8 first
    let result = YAMLParser.parse(text, file: "cities/fuzz.yaml")
    for d in result.diagnostics {
        precondition(d.span.start.offset <= size && d.span.end.offset <= size, "span outside the file: \(d)")
        _ = TextRenderer.render([d], in: .zh)
    }
    return 0
}
