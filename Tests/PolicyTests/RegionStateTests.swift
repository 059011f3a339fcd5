import DecisionTable
import Foundation
import PolicyAnswers
import PolicyCompiler
import PolicyDiagnostics
import PolicyEvaluator
import PolicyJSON
import Testing

/// Dated, three-valued region states (`type: state` attributes, `{state: ...}` derivations): the
/// value on a day, a city over its province, unknown where no segment covers the day, the
/// segments' sources cited with the rule, and the checks on segments and source URLs.
struct RegionStateTests {
    /// The mini fixture's 福建 wallet: closed to 2025-02-03, open from 2025-06-30; 南京 open from 2025-03-01.
    static func family(from origin: String, member: String, on day: String) -> String {
        #"{"origin":"\#(origin)","destination":"北京","insurance_type":"employee","origin_stopped":true,"#
            + #""destination_enrolled":true,"application_date":"\#(day)","#
            + #""family_member":{"relation":"parent","region":"\#(member)","insured":true}}"#
    }

    @Test(arguments: [
        ("2025-02-03", "closed"), ("2025-02-04", "unknown"), ("2025-06-29", "unknown"), ("2025-06-30", "open"),
    ])
    func aStateHasItsSegmentsValueAndUnknownBetween(day: String, expected: String) throws {
        let evaluator = try Fixture.miniEvaluator()
        let fujian = try #require(evaluator.regions.index(ofCode: "350000"))
        let xiamen = try #require(evaluator.regions.index(ofCode: "350200"))
        let date = try #require(Day(parsing: day))
        #expect(evaluator.derivedValue(of: "giver_wallet", region: fujian, day: date) == expected)
        // 厦门 has no segment of its own: its province's holds.
        #expect(evaluator.derivedValue(of: "giver_wallet", region: xiamen, day: date) == expected)
    }

    @Test func theSegmentsSourcesAreCitedWhenAConditionOnTheStateDecided() throws {
        let scratch = try ScratchDirectory(copying: Paths.mini)
        try scratch.write(
            try String(contentsOfFile: "\(Paths.mini)/sources.yaml", encoding: .utf8)
                + "  - {id: S-WALLET, title: Test wallet list, url: https://example.org/wallet, confidence: seed}\n",
            to: "sources.yaml")
        var nanjing = try String(contentsOfFile: "\(Paths.mini)/cities/nanjing.yaml", encoding: .utf8)
        nanjing = nanjing.replacingOccurrences(
            of: "{name: wallet, value: open, from: 2025-03-01, sources: [S-NAT]}",
            with: "{name: wallet, value: open, from: 2025-03-01, sources: [S-WALLET]}")
        try scratch.write(nanjing, to: "cities/nanjing.yaml")
        let compilation = Compiler.compile(directory: scratch.path)
        let table = try #require(compilation.table, "\(TextRenderer.render(compilation.diagnostics, in: .en))")
        let evaluator = Evaluator(table: table)

        let open = try evaluator.answer(json: Self.family(from: "南京", member: "厦门", on: "2025-07-01"))
        #expect(open["family_sharing"]?["decided_by"]?["rule"] == .string("n.family.cross"))
        #expect(open["family_sharing"]?["sources"] == .array([.string("S-NAT"), .string("S-WALLET")]))
        #expect(open["sources"]?["S-WALLET"] != nil)
        // The rule's own source is official: the part's strongest confidence stays official.
        #expect(open["family_sharing"]?["confidence"] == .string("official"))

        // 福建 unknown on that day: the rule that decided reads no state, so nothing more is cited.
        let unknown = try evaluator.answer(json: Self.family(from: "南京", member: "厦门", on: "2025-04-01"))
        #expect(unknown["family_sharing"]?["decided_by"]?["rule"] == .string("n.family.cross.unknown"))
        #expect(unknown["family_sharing"]?["sources"] == .array([.string("S-NAT")]))

        let facts = try evaluator.facts(
            from: try JSONValue.parse(Data(Self.family(from: "南京", member: "厦门", on: "2025-07-01").utf8)),
            today: Day(year: 2025, month: 7, day: 1)!)
        let text = evaluator.explain(facts).text(english: true, evaluator: evaluator)
        #expect(text.contains("from the region attribute wallet (南京市): open from 2025-03-01 [S-WALLET]"))
    }

    @Test func aCitysSegmentWinsOverItsProvincesAndUncoveredDaysFallBackToIt() throws {
        let scratch = try ScratchDirectory(copying: Paths.mini)
        try scratch.write(
            """
            region: 厦门
            attributes:
              - {name: wallet, value: closed, from: 2025-07-01, to: 2025-07-31, sources: [S-NAT]}

            """, to: "cities/xiamen.yaml")
        let compilation = Compiler.compile(directory: scratch.path)
        let table = try #require(compilation.table, "\(TextRenderer.render(compilation.diagnostics, in: .en))")
        let evaluator = Evaluator(table: table)
        let xiamen = try #require(evaluator.regions.index(ofCode: "350200"))
        for (day, expected) in [
            ("2025-06-30", "open"), ("2025-07-01", "closed"), ("2025-07-31", "closed"), ("2025-08-01", "open"),
            ("2025-02-03", "closed"), ("2025-03-01", "unknown"),
        ] {
            #expect(
                evaluator.derivedValue(of: "member_wallet", region: xiamen, day: Day(parsing: day)!) == expected,
                "\(day)")
        }
        // The analysis cuts its intervals at the city's segment ends too: still no findings.
        #expect(compilation.diagnostics.isEmpty, "\(TextRenderer.render(compilation.diagnostics, in: .en))")
    }

    /// The problems a region's segments can have, each with its code and place.
    @Test func segmentsAreCheckedAgainstTheVocabularyAndEachOther() throws {
        let scratch = try ScratchDirectory(copying: Paths.mini)
        try scratch.write(
            """
            region: 福建
            attributes:
              - {name: wallet, value: closed, to: 2025-02-03, sources: [S-NAT]}
              - {name: wallet, value: open, from: 2025-02-01, sources: [S-NAT]}
              - {name: wallet, value: opn, from: 2026-01-01, sources: [S-NAT]}
              - {name: wallet, value: open, from: 2025-01-01, to: 2024-12-31, sources: [S-NAT]}

            """, to: "provinces/fujian.yaml")
        try scratch.write(
            """
            region: 南京
            attributes:
              - {name: wallet, value: open, from: 2025-03-01, sources: [S-NAT], contested: true}

            """, to: "cities/nanjing.yaml")
        let diagnostics = Compiler.compile(directory: scratch.path).diagnostics
        let rendered = TextRenderer.render(diagnostics, in: .en)
        let overlap = try #require(diagnostics.first { $0.code == .overlappingSegments }, "\(rendered)")
        #expect(overlap.span.start.line == 4)
        #expect(overlap.notes.first?.span?.start.line == 3)
        let value = try #require(
            diagnostics.first { $0.code == .unknownValue && $0.message(in: .en).contains("opn") }, "\(rendered)")
        #expect(value.message(in: .en).contains("'opn'") && value.help(in: .en) == "did you mean 'open'?")
        #expect(diagnostics.contains { $0.code == .invertedInterval && $0.span.start.line == 6 }, "\(rendered)")
        let contested = try #require(diagnostics.first { $0.code == .contestedWithOneSource }, "\(rendered)")
        #expect(contested.span.file.hasSuffix("cities/nanjing.yaml"))
    }

    @Test func aStateFactListsItsAttributesValuesThenUnknown() throws {
        let scratch = try ScratchDirectory(copying: Paths.mini)
        var vocabulary = try String(contentsOfFile: "\(Paths.mini)/vocabulary.yaml", encoding: .utf8)
        vocabulary = vocabulary.replacingOccurrences(
            of: "    derive: {state: {attribute: wallet, region: origin}}\n    values: [open, closed, unknown]",
            with: "    derive: {state: {attribute: wallet, region: origin}}\n    values: [open, unknown]")
        try scratch.write(vocabulary, to: "vocabulary.yaml")
        let diagnostics = Compiler.compile(directory: scratch.path).diagnostics
        let d = try #require(
            diagnostics.first { $0.code == .inconsistentDeclaration }, "\(TextRenderer.render(diagnostics, in: .en))")
        #expect(d.help == "write values: [open, closed, unknown]")
    }

    @Test func aDateAttributeWithSinceStillWorks() throws {
        let scratch = try ScratchDirectory(copying: Paths.mini)
        var vocabulary = try String(contentsOfFile: "\(Paths.mini)/vocabulary.yaml", encoding: .utf8)
        vocabulary = vocabulary.replacingOccurrences(
            of: "    derive: {state: {attribute: wallet, region: member_region}}\n    values: [open, closed, unknown]\n"
                + "    labels: {open: {zh: 已开通, en: open}, closed: {zh: 未开通, en: closed}, unknown: {zh: 未知, en: unknown}}",
            with:
                "    derive: {since: {attribute: wallet_open_since, region: member_region}}\n    values: [open, unknown]"
        )
        vocabulary = vocabulary.replacingOccurrences(
            of: "attributes:\n", with: "attributes:\n  wallet_open_since: {type: date, zh: 开通日期, en: opening date}\n")
        try scratch.write(vocabulary, to: "vocabulary.yaml")
        try scratch.write(
            "region: 厦门\nattributes:\n  - {name: wallet_open_since, value: 2025-05-01, sources: [S-NAT]}\n"
                + "  - {name: wallet, value: open, from: 2025-05-01, sources: [S-NAT]}\n",
            to: "cities/xiamen.yaml")
        let compilation = Compiler.compile(directory: scratch.path)
        let table = try #require(compilation.table, "\(TextRenderer.render(compilation.diagnostics, in: .en))")
        let evaluator = Evaluator(table: table)
        let xiamen = try #require(evaluator.regions.index(ofCode: "350200"))
        #expect(
            evaluator.derivedValue(of: "member_wallet", region: xiamen, day: Day(parsing: "2025-04-30")!) == "unknown")
        #expect(evaluator.derivedValue(of: "member_wallet", region: xiamen, day: Day(parsing: "2025-05-01")!) == "open")
        // A date attribute takes no segment keys; a state takes no date value.
        try scratch.write(
            "region: 厦门\nattributes:\n  - {name: wallet_open_since, value: 2025-05-01, from: 2025-01-01, sources: [S-NAT]}\n",
            to: "cities/xiamen.yaml")
        let diagnostics = Compiler.compile(directory: scratch.path).diagnostics
        #expect(diagnostics.contains { $0.code == .unknownKey && $0.message(in: .en).contains("'from'") })
    }

    /// The mini fixture's diagnostics with its first source's url replaced.
    private func diagnostics(withCodesURL url: String) throws -> [Diagnostic] {
        let scratch = try ScratchDirectory(copying: Paths.mini)
        let sources = try String(contentsOfFile: "\(Paths.mini)/sources.yaml", encoding: .utf8)
        try scratch.write(
            sources.replacingOccurrences(of: "url: https://example.org/codes", with: "url: \(url)"), to: "sources.yaml")
        return Compiler.compile(directory: scratch.path).diagnostics
    }

    @Test func aSourceURLNeedsAScheme() throws {
        let diagnostics = try diagnostics(withCodesURL: "example.org/codes")
        let d = try #require(diagnostics.first { $0.code == .urlWithoutScheme })
        #expect(d.span.start.line == 2 && d.help == "write the full address, for example https://example.org/codes")
        #expect(SourceEntry.hasScheme("https://a.cn/x") && SourceEntry.hasScheme("file://x"))
        #expect(
            !SourceEntry.hasScheme("www.a.cn/x") && !SourceEntry.hasScheme("://x") && !SourceEntry.hasScheme("a b://x"))
    }

    @Test func aSourceURLNamesAPage() throws {
        let diagnostics = try diagnostics(withCodesURL: "https://example.org/")
        let d = try #require(diagnostics.first { $0.code == .urlWithoutPage })
        #expect(d.span.start.line == 2 && d.severity == .warning)
        #expect(d.message(in: .zh).contains("不是网页地址"))
        #expect(!diagnostics.contains { $0.code == .urlWithoutScheme })
        #expect(SourceEntry.namesAPage("https://a.cn/x") && SourceEntry.namesAPage("https://a.cn/?p=1"))
        #expect(!SourceEntry.namesAPage("https://a.cn") && !SourceEntry.namesAPage("https://a.cn/"))
    }

    /// The analysis knows the new value: a chain that answers only open and unknown leaves the
    /// days 福建 is closed as a gap, with a witness on such a day the evaluator confirms.
    @Test func theAnalysisFindsAGapWhereOnlyClosedIsLeftOut() throws {
        let scratch = try ScratchDirectory(copying: Paths.mini)
        var national = try String(contentsOfFile: "\(Paths.mini)/national.yaml", encoding: .utf8)
        national = national.replacingOccurrences(
            of:
                "  - id: n.family.cross.unknown\n    decision: family_sharing\n    when: {member_scope: cross_province}",
            with:
                "  - id: n.family.cross.unknown\n    decision: family_sharing\n"
                + "    when: {member_scope: cross_province, giver_wallet: [open, unknown]}")
        try scratch.write(national, to: "national.yaml")
        let diagnostics = Compiler.compile(directory: scratch.path).diagnostics
        let gap = try #require(
            diagnostics.first { $0.code == .gap && $0.message(in: .en).contains("family_sharing") },
            "\(TextRenderer.render(diagnostics, in: .en))")
        #expect(gap.notes.contains { $0.message(in: .en).contains("giver_wallet in [closed]") })
        let witness = try JSONValue.parse(Data(try #require(gap.witness).utf8))
        let day = try #require(
            witness["application_date"].flatMap { if case .string(let s) = $0 { Day(parsing: s) } else { nil } })
        #expect(day <= Day(parsing: "2025-02-03")!)
    }
}
