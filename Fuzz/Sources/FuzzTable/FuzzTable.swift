import CFuzzer
import DecisionTable
import Foundation
import PolicyAnswers
import PolicyEvaluator
import PolicyJSON

/// Tables: any bytes are refused with a LoadError or answered from. To reach the evaluator, the
/// harness re-hashes what it decodes (an edited table with a correct hash is what a careless tool
/// would write); whatever then passes the vocabulary check must answer without trapping.
let facts: [[UInt8]] = [
    #"{"origin":"南京","destination":"厦门","insurance_type":"employee","origin_stopped":true,"destination_enrolled":true,"application_date":"2025-09-26","family_member":{"relation":"spouse","region":"南京","insured":true}}"#,
    #"{"origin":"350200","destination":"320100","insurance_type":"resident","application_date":"2024-02-29"}"#,
    #"{}"#,
].map { Array($0.utf8) }
let today = Day(year: 2025, month: 10, day: 9)!

/// The entry point SwiftPM gives the executable: hands the loop to libFuzzer.
@_cdecl("FuzzTable_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv, test)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func test(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let bytes = Data(bytes: data, count: size)
    _ = try? DecisionTableArtifact.decode(bytes)
    guard var table = try? JSONDecoder().decode(DecisionTableArtifact.self, from: bytes) else { return 0 }
    table.contentHash = table.computedContentHash
    guard (try? DecisionTableArtifact.decode(table.encoded())) != nil else { return 0 }
    let evaluator = Evaluator(table: table)
    let out = ByteBuffer()
    for line in facts {
        line.withUnsafeBufferPointer {
            _ = evaluator.answerLine($0, number: 1, options: .init(today: today), into: out)
        }
        if let parsed = try? evaluator.facts(from: JSONValue.parse(bytes: line), today: today) {
            _ = evaluator.explain(parsed).json
        }
    }
    return 0
}
