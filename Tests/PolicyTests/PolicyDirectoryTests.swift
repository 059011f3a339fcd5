import Foundation
import PolicyCompiler
import PolicyDiagnostics
import Testing

/// Nothing in a policy directory is skipped in silence: every file policyc cannot read, or does
/// not read where it lies, is a diagnostic naming the file and the reason.
struct PolicyDirectoryTests {
    static func diagnostics(_ prepare: (ScratchDirectory) throws -> Void) throws -> [Diagnostic] {
        let scratch = try ScratchDirectory(copying: Paths.mini)
        try prepare(scratch)
        let compilation = Compiler.compile(directory: scratch.path)
        #expect(compilation.table == nil, "a directory with a lost file must not compile")
        return compilation.diagnostics.map { d in
            var d = d
            d.message = .value(d.message(in: .en).replacingOccurrences(of: scratch.path + "/", with: ""))
            return d
        }
    }

    static func link(_ scratch: ScratchDirectory, _ name: String, to target: String) throws {
        try FileManager.default.createSymbolicLink(atPath: "\(scratch.path)/\(name)", withDestinationPath: target)
    }

    @Test func anEmptiedProvinceFileIsAnErrorNotAMissingRegion() throws {
        let found = try Self.diagnostics { try $0.write("# all rules removed\n", to: "provinces/fujian.yaml") }
        #expect(found.map(\.code) == [.emptyFile])
        #expect(found.first?.message == "fujian.yaml is empty or holds only comments")
        #expect(found.first?.span.file.hasSuffix("provinces/fujian.yaml") == true)
    }

    @Test func anEmptySourcesFileOrCalendarIsAnError() throws {
        let sources = try Self.diagnostics { try $0.write("", to: "sources.yaml") }
        #expect(sources.contains { $0.code == .emptyFile && $0.message(in: .en).hasPrefix("sources.yaml") })
        let calendar = try Self.diagnostics { try $0.write("# 2025\n", to: "calendars/2025.yaml") }
        #expect(calendar.contains { $0.code == .emptyFile && $0.message(in: .en).hasPrefix("2025.yaml") })
    }

    @Test func aDanglingLinkAndALinkLoopAreErrorsWithTheReason() throws {
        let dangling = try Self.diagnostics { try Self.link($0, "cities/suzhou.yaml", to: "gone.yaml") }
        #expect(dangling.map(\.code) == [.ioError])
        #expect(
            dangling.first?.message(in: .en).contains("a symbolic link to 'gone.yaml', which does not exist") == true)
        let loop = try Self.diagnostics { try Self.link($0, "cities/suzhou.yaml", to: "suzhou.yaml") }
        #expect(loop.map(\.code) == [.ioError])
        #expect(loop.first?.message(in: .en).contains("loops back on itself") == true, "\(loop)")
    }

    @Test func aPolicyFolderThatIsNotAFolderIsAnError() throws {
        let found = try Self.diagnostics { scratch in
            try FileManager.default.removeItem(atPath: "\(scratch.path)/cities")
            try scratch.write("region: 南京\n", to: "cities")
        }
        #expect(found.contains { $0.code == .ioError && $0.message(in: .en).hasSuffix("cities' is not a directory") })
    }

    @Test(.enabled(if: getuid() != 0, "root reads any folder"))
    func anUnreadablePolicyFolderIsAnError() throws {
        let found = try Self.diagnostics { scratch in
            chmod("\(scratch.path)/provinces", 0)
        }
        #expect(found.contains { $0.code == .ioError && $0.message(in: .en).contains("Permission denied") })
    }

    @Test func filesInMisspeltOrNestedFoldersAreReportedNotIgnored() throws {
        let city =
            "region: 苏州\nrules:\n  - {id: sz.x, decision: balance_handling, then: {handling: payout_to_bank}, sources: [S-SEED]}\n"
        let found = try Self.diagnostics { scratch in
            for folder in ["city", "cities/jiangsu"] {
                try FileManager.default.createDirectory(
                    atPath: "\(scratch.path)/\(folder)", withIntermediateDirectories: true)
                try scratch.write(city, to: "\(folder)/suzhou.yaml")
            }
            try scratch.write(city, to: "nationl.yaml")
        }
        #expect(found.map(\.code) == [.unreadFile, .unreadFile, .unreadFile])
        let messages = found.map { $0.message(in: .en) }.sorted()
        #expect(
            messages == [
                "'cities/jiangsu/suzhou.yaml' is in a folder nested inside cities/, so it is not read",
                "'city/suzhou.yaml' is in the folder city/, which policyc does not read",
                "'nationl.yaml' is not a file policyc reads, so it is ignored",
            ])
        #expect(found.contains { $0.help(in: .en)?.hasPrefix("did you mean 'cities/'?") == true })
    }

    @Test func aFileInTheFolderOfAnotherLevelIsAnError() throws {
        let province = try Self.diagnostics { scratch in
            try FileManager.default.moveItem(
                atPath: "\(scratch.path)/provinces/fujian.yaml", toPath: "\(scratch.path)/cities/fujian.yaml")
        }
        #expect(province.map(\.code) == [.wrongFolder])
        #expect(province.first?.message == "'350000' is a province, but this file is in cities/")
        let city = try Self.diagnostics { scratch in
            try FileManager.default.moveItem(
                atPath: "\(scratch.path)/cities/nanjing.yaml", toPath: "\(scratch.path)/provinces/nanjing.yaml")
        }
        #expect(city.map(\.code) == [.wrongFolder])
        #expect(city.first?.help == "move the file to cities/, or correct region:")
    }
}
