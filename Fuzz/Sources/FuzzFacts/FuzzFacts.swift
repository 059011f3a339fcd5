import CFuzzer
import DecisionTable
import Foundation
import PolicyAnswers
import PolicyEvaluator
import PolicyJSON

/// Facts lines, differentially: whatever the JSON Lines fast path accepts, the general path
/// (JSONParser, then FactsDecoder) must accept with the same answer; and answering any line,
/// accepted or not, writes exactly one line and never traps.
let evaluator: Evaluator = {
    let table = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Tests/PolicyTests/Fixtures/mini.table.json")
    guard let data = try? Data(contentsOf: table), let artifact = try? DecisionTableArtifact.decode(data) else {
        fatalError("FuzzFacts: cannot read \(table.path)")
    }
    return Evaluator(table: artifact)
}()
let today = Day(year: 2025, month: 10, day: 9)!

/// The entry point SwiftPM gives the executable: hands the loop to libFuzzer.
@_cdecl("FuzzFacts_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv, test)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func test(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let line = UnsafeBufferPointer(start: data, count: size)
    if !line.contains(0x0A) {  // one JSON Lines line
        let out = ByteBuffer()
        _ = evaluator.answerLine(line, number: 1, options: .init(today: today), into: out)
        let written = out.withUnsafeBytes { Array($0) }
        precondition(written.last == 0x0A && written.dropLast().allSatisfy { $0 != 0x0A }, "not one output line")
    }
    if let fast = evaluator.fastFacts(line, today: today) {
        guard let json = try? JSONValue.parse(bytes: Array(line)),
            let general = try? evaluator.facts(from: json, today: today)
        else {
            fatalError("the fast path accepted what the general path rejects: \(String(decoding: line, as: UTF8.self))")
        }
        precondition(
            evaluator.answer(fast).json == evaluator.answer(general).json,
            "the two paths answer differently: \(String(decoding: line, as: UTF8.self))")
    }
    return 0
}
