import DecisionTable
import Foundation
import PolicyAnswers
import PolicyJSON
import Testing

@testable import PolicyAnswers
@testable import PolicyEvaluator

/// The JSON Lines fast path reads the usual facts line without a JSON tree, and leaves every other
/// line to the general path. Whatever it accepts must mean exactly what the general path makes of
/// it; and the compact answer must say what the full answer says.
struct JSONLinesFastPathTests {
    static let today = Day(year: 2025, month: 10, day: 9)!

    /// The general path's facts, or nil where it rejects the line.
    static func general(_ line: String, _ evaluator: Evaluator) -> ApplicantFacts? {
        guard let json = try? JSONValue.parse(bytes: Array(line.utf8)) else { return nil }
        return try? evaluator.facts(from: json, today: today)
    }

    static func scanned(_ line: String, _ evaluator: Evaluator) -> ApplicantFacts? {
        Array(line.utf8).withUnsafeBufferPointer { evaluator.readers.scanner.scan($0, today: today) }
    }

    static func same(_ a: ApplicantFacts, _ b: ApplicantFacts) -> Bool {
        a.values == b.values && a.origin == b.origin && a.destination == b.destination
            && a.applicationDate == b.applicationDate && a.dateDefaulted == b.dateDefaulted
            && a.member?.relation == b.member?.relation && a.member?.region == b.member?.region
            && a.member?.insured == b.member?.insured && (a.member == nil) == (b.member == nil)
    }

    /// Usual lines: the fast path takes them, with the general path's facts.
    static let usual = [
        #"{"origin": "北京", "destination": "天津", "insurance_type": "employee", "origin_stopped": true, "destination_enrolled": true, "application_date": "2025-05-11", "family_member": {"relation": "spouse", "region": "乌鲁木齐", "insured": true}}"#,
        #"{"origin":"320100","destination":"上海市","insurance_type":"resident","application_date":"2024-02-29"}"#,
        #"  {"origin": "nanjing", "destination": null, "origin_stopped": false}  "#,
        "{\"origin\":\"南京\",\t\"destination\":\"郑州\"}\r",
        #"{}"#,
        #"{"family_member": {}}"#,
        #"{"family_member": null, "application_date": null, "insurance_type": null}"#,
        #"{"origin": "厦门", "family_member": {"relation": "child", "region": null, "insured": null}}"#,
    ]

    /// Unusual or wrong lines: the fast path leaves them to the general path.
    static let unusual = [
        #"{"origin": "\u5357\u4eac"}"#,  // escapes
        #"{"origin": "北京", "origin": "天津"}"#,  // duplicate key: the general path rejects it, naming the key
        #"{"origin": " 南京 "}"#,  // needs trimming
        #"{"origin": "NANJING"}"#,  // needs case folding
        #"{"origin": "火星"}"#, #"{"origin": 320100}"#, #"{"unknown": 1}"#, #"{"insurance_type": "other"}"#,
        #"{"origin_stopped": "yes"}"#, #"{"application_date": "2025-02-30"}"#, #"{"application_date": "2025-5-1"}"#,
        #"{"family_member": {"relation": "cousin"}}"#, #"{"family_member": {"age": 3}}"#,
        #"{"family_member": {"relation": "spouse", "relation": "child"}}"#, #"{"family_member": []}"#,
        #"{"origin": "北京",}"#, #"{"origin" "北京"}"#, #"{"origin": "北京"} x"#, #"{"origin": "北京""#, "[1]", "",
        "null", #"{"origin": tru}"#, "{\"origin\": \"北\u{0001}京\"}",
    ]

    @Test func theFastPathTakesTheUsualLinesWithTheGeneralPathsFacts() throws {
        let evaluator = try Fixture.shippedEvaluator()
        for line in Self.usual {
            let fast = try #require(Self.scanned(line, evaluator), "fast path declined: \(line)")
            let slow = try #require(Self.general(line, evaluator), "general path rejected: \(line)")
            #expect(Self.same(fast, slow), "\(line)")
        }
        for line in Self.unusual { #expect(Self.scanned(line, evaluator) == nil, "fast path took: \(line)") }
    }

    /// Every line the fast path accepts, from the usual lines cut, doubled and spliced at random,
    /// means the same to the general path. A failure names the seed; FUZZ_SEED=N replays it.
    @Test func mutatedLinesNeverDisagree() throws {
        let evaluator = try Fixture.shippedEvaluator()
        let initialSeed =
            ProcessInfo.processInfo.environment["FUZZ_SEED"].flatMap { UInt64($0) } ?? UInt64.random(in: 0...UInt64.max)
        var seed = initialSeed
        func next(_ n: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(n))
        }
        let pieces = Array(" \t\"{}[],:nulltruefalse0-\\".utf8) + Array("南京".utf8)
        var accepted = 0
        for round in 0..<20_000 {
            var bytes = Array(Self.usual[round % Self.usual.count].utf8)
            for _ in 0..<(1 + next(3)) {
                let at = next(bytes.count + 1)
                switch next(3) {
                case 0: if at < bytes.count { bytes.remove(at: at) }
                case 1: bytes.insert(pieces[next(pieces.count)], at: at)
                default: if at < bytes.count { bytes[at] = pieces[next(pieces.count)] }
                }
            }
            let line = String(decoding: bytes, as: UTF8.self)
            guard String(validating: bytes, as: UTF8.self) != nil else { continue }
            guard let fast = Self.scanned(line, evaluator) else { continue }
            accepted += 1
            let slow = Self.general(line, evaluator)
            #expect(
                slow.map { Self.same(fast, $0) } == true, "FUZZ_SEED=\(initialSeed), round \(round): \(line)")
        }
        #expect(accepted > 100)  // the mutations often leave a valid line; those must have been compared
    }

    /// The compact answer carries the full answer's values, due dates, rules and sources.
    @Test func compactAnswersSayWhatFullAnswersSay() throws {
        let evaluator = try Fixture.shippedEvaluator()
        let regions = ["北京", "天津", "南京", "上海", "厦门", "乌鲁木齐", "郑州", "广州", "深圳", "拉萨", "杭州"]
        let types = ["employee", "resident"]
        var checked = 0
        for i in 0..<400 {
            var fields = [
                #""origin": "\#(regions[i % regions.count])""#,
                #""destination": "\#(regions[(i * 7 + 3) % regions.count])""#,
                #""application_date": "202\#(4 + i % 3)-0\#(1 + i % 9)-1\#(i % 10)""#,
            ]
            if i % 5 != 0 { fields.append(#""insurance_type": "\#(types[i % 2])""#) }
            if i % 3 != 0 { fields.append(#""origin_stopped": \#(i % 4 != 1)"#) }
            if i % 2 == 0 {
                fields.append(#""family_member": {"relation": "spouse", "region": "\#(regions[i % 5])"}"#)
            }
            if i % 11 == 0 { fields.removeFirst() }  // no origin
            let facts = try evaluator.facts(
                from: JSONValue.parse(bytes: Array("{\(fields.joined(separator: ", "))}".utf8)), today: Self.today)
            let answer = evaluator.answer(facts)
            var bytes: [UInt8] = []
            answer.writeCompact(into: &bytes)
            let compact = try JSONValue.parse(bytes: bytes)
            let full = answer.json
            #expect(compact["table"] == full["table"])
            #expect(compact["origin"] == (full["origin"]?["code"] ?? .null))
            #expect(compact["application_date"] == full["application_date"])
            #expect(compact["transfer"]?["eligible"] == full["transfer"]?["eligible"])
            #expect(compact["transfer"]?["scope"] == full["transfer"]?["scope"])
            #expect(compact["balance"]?["handling"] == full["balance"]?["handling"])
            #expect(compact["transfer_out"]?["due"] == full["timing"]?["transfer_out"]?["due"])
            #expect(compact["transfer_in"]?["max_working_days"] == full["timing"]?["transfer_in"]?["max_working_days"])
            #expect(compact["funds_arrival"]?["duration"] == full["timing"]?["funds_arrival"])
            #expect(compact["family_sharing"]?["channel"] == full["family_sharing"]?["channel"])
            let parts: [(String, JSONValue?)] = [
                ("transfer", full["transfer"]), ("balance", full["balance"]),
                ("transfer_out", full["timing"]?["transfer_out"]), ("transfer_in", full["timing"]?["transfer_in"]),
                ("funds_arrival", full["timing"]?["funds_arrival_basis"]), ("family_sharing", full["family_sharing"]),
            ]
            for (name, part) in parts {
                guard let part, part != .null else {
                    #expect(compact[name] == .null, "\(name)")
                    continue
                }
                let c = compact[name]
                #expect(c?["rule"] == (part["decided_by"]?["rule"] ?? .null), "\(name) rule")
                #expect(c?["national_baseline"] == (part["decided_by"]?["national_baseline"] ?? .bool(false)))
                #expect(c?["sources"] == part["sources"], "\(name) sources")
                #expect(c?["missing_facts"] == part["missing_facts"], "\(name) missing facts")
                checked += 1
            }
        }
        #expect(checked > 2000)
    }
}

extension JSONLinesFastPathTests {
    /// Answering some parts gives exactly those parts of the whole compact answer.
    @Test func someParts() throws {
        let evaluator = try Fixture.shippedEvaluator()
        let lines =
            JSONLinesFastPathTests.usual + [
                #"{"origin": "南京", "destination": "上海", "insurance_type": "employee", "application_date": "2025-09-26"}"#,
                #"{"origin": "厦门", "destination": "乌鲁木齐", "origin_stopped": false, "application_date": "2026-01-05"}"#,
            ]
        // Every subset of the published parts, and each other decision alone (issue 24: every
        // declared decision can be chosen).
        let published = evaluator.vocabulary.answer.parts.map(\.name)
        let others = evaluator.partNames.filter { !published.contains($0) }
        let choices: [[String]] =
            (1..<(1 << published.count)).map { mask in
                published.indices.filter { mask & (1 << $0) != 0 }.map { published[$0] }
            }
            + others.map { [$0] }
        #expect(!others.isEmpty)
        for (mask, chosen) in choices.enumerated() {
            let parts = try #require(evaluator.parts(list: chosen.joined(separator: ",")))
            for line in lines {
                let facts = try evaluator.facts(from: JSONValue.parse(bytes: Array(line.utf8)), today: Self.today)
                var whole: [UInt8] = []
                var some: [UInt8] = []
                evaluator.answer(facts).writeCompact(into: &whole)
                evaluator.answer(facts, parts: parts).writeCompact(into: &some)
                guard case .object(let all) = try JSONValue.parse(bytes: whole) else {
                    Issue.record("the compact answer is not a JSON object: \(line)")
                    continue
                }
                let partKeys = Set(evaluator.partNames)
                let expected = all.filter { key, _ in chosen.contains(key) || !partKeys.contains(key) }
                #expect(try JSONValue.parse(bytes: some) == .object(expected), "parts \(mask): \(line)")
            }
        }
    }
}

/// `eval --jsonl` end to end: line splitting, long lines, both answer forms, several workers.
struct JSONLinesCommandTests {
    static let nanjing = CommandLineTests.nanjing

    @Test func compactLinesKeepOrderAndErrorsOnEveryWorkerCount() throws {
        let input = (0..<700).map { i in i % 97 == 5 ? #"{"origin": "火星"}"# : Self.nanjing }.joined(separator: "\n")
        let full = try CommandLineTests.policyc(["eval", "--jsonl"], stdin: input)
        let one = try CommandLineTests.policyc(["eval", "--jsonl", "--answer", "compact"], stdin: input)
        let two = try CommandLineTests.policyc(["eval", "--jsonl", "--answer", "compact", "--jobs", "2"], stdin: input)
        #expect(one.status == 1 && two.status == 1 && full.status == 1)
        #expect(one.stdout == two.stdout)
        let compactLines = one.stdout.split(separator: "\n")
        let fullLines = full.stdout.split(separator: "\n")
        #expect(compactLines.count == 700 && fullLines.count == 700)
        for (i, (c, f)) in zip(compactLines, fullLines).enumerated() {
            if i % 97 == 5 {
                #expect(c == f && c.contains(#""line": \#(i + 1)"#))  // errors are the same in both forms
            } else {
                #expect(c.contains(#""handling":"payout_to_bank""#) && c.count * 2 < f.count)
            }
        }
    }

    @Test func longLinesCarriageReturnsAndAMissingFinalNewlineAreRead() throws {
        let padded = "{" + String(repeating: " ", count: 2_500_000) + Self.nanjing.dropFirst()
        let input = [Self.nanjing + "\r", padded, Self.nanjing].joined(separator: "\n")  // no final newline
        // Longer than the reader's chunk and than the default limit: allowed here, so the buffer must grow.
        let run = try CommandLineTests.policyc(
            ["eval", "--jsonl", "--answer", "compact", "--max-line-bytes", "4000000"], stdin: input)
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(Set(lines).count == 1)
    }

    @Test func theCompactFormIsForJSONLinesOnlyAndPartsForTheCompactForm() throws {
        let run = try CommandLineTests.policyc(["eval", "--answer", "compact"], stdin: Self.nanjing)
        #expect(run.status == 2)
        #expect(run.stderr.contains("--jsonl"))
        let full = try CommandLineTests.policyc(["eval", "--jsonl", "--parts", "balance"], stdin: Self.nanjing)
        #expect(full.status == 2 && full.stderr.contains("--answer compact"))
        let unknown = try CommandLineTests.policyc(
            ["eval", "--jsonl", "--answer", "compact", "--parts", "balance,wallet"], stdin: Self.nanjing)
        #expect(unknown.status == 2 && unknown.stderr.contains("transfer_out"))
        let some = try CommandLineTests.policyc(
            ["eval", "--jsonl", "--answer", "compact", "--parts", "balance"], stdin: Self.nanjing)
        #expect(some.status == 0)
        #expect(
            some.stdout.hasPrefix(
                #"{"origin":"320100","destination":"310000","application_date":"2025-09-26","balance":{"#))
        #expect(!some.stdout.contains("transfer_out"))
    }

    /// A full disk is an I/O error (exit 2, with the reason), whatever the number of workers.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full")))
    func aFailedWriteExitsTwo() throws {
        for jobs in ["1", "2"] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: CommandLineTests.binary)
            process.arguments = ["eval", "--jsonl", "--jobs", jobs, "--lang", "en"]
            process.currentDirectoryURL = Paths.packageRoot
            let input = Pipe(), err = Pipe()
            process.standardInput = input
            process.standardError = err
            process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: "/dev/full"))
            try process.run()
            input.fileHandleForWriting.write(Data((Self.nanjing + "\n").utf8))
            try input.fileHandleForWriting.close()
            let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 2, "--jobs \(jobs)")
            #expect(message.contains("cannot write the answers"), "--jobs \(jobs)")
        }
    }

    @Test func optionsThatWouldBeIgnoredAreRefused() throws {
        for arguments in [
            ["eval", "--jobs", "2"], ["eval", "--jsonl", "--jobs", "0"], ["eval", "--jsonl", "--explain"],
        ] {
            let run = try CommandLineTests.policyc(arguments, stdin: Self.nanjing)
            #expect(run.status == 2, "\(arguments)")
            #expect(run.stderr.contains("Error:"), "\(arguments)")
        }
    }
}

/// A single decision derives only the columns its rules read; it must still answer exactly as the
/// full answer does.
struct SingleDecisionTests {
    @Test func singleDecisionsAgreeWithFullAnswers() throws {
        let evaluator = try Fixture.shippedEvaluator()
        let regions = ["北京", "天津", "南京", "上海", "厦门", "乌鲁木齐", "郑州", "广州", "深圳", "昆明", "杭州"]
        var compared = 0
        for i in 0..<300 {
            var fields = [
                #""origin": "\#(regions[i % regions.count])""#,
                #""destination": "\#(regions[(i * 5 + 1) % regions.count])""#,
                #""application_date": "202\#(4 + i % 3)-1\#(i % 3)-0\#(1 + i % 9)""#,
                #""insurance_type": "\#(i % 3 == 0 ? "resident" : "employee")""#,
            ]
            if i % 2 == 0 { fields.append(#""family_member": {"relation": "parent", "region": "\#(regions[i % 7])"}"#) }
            if i % 4 == 1 { fields.append(#""origin_stopped": false"#) }
            let json = try JSONValue.parse(bytes: Array("{\(fields.joined(separator: ", "))}".utf8))
            let facts = try evaluator.facts(from: json, today: JSONLinesFastPathTests.today)
            let answer = evaluator.answer(facts)
            for (name, outcome) in answer.outcomesByName {
                // A part a rule between parts left without a value shows that rule instead.
                let d = try #require(evaluator.decisionID(named: name))
                guard answer.void(d) == nil else { continue }
                let single = try #require(evaluator.decision(name, for: facts))
                #expect(single.status == outcome.status, "\(name) #\(i)")
                #expect(single.rules.map(\.id) == outcome.rules.map(\.id), "\(name) #\(i)")
                #expect(single.missingFacts == outcome.missingFacts, "\(name) #\(i)")
                compared += 1
            }
        }
        #expect(compared >= 1500)
    }
}
