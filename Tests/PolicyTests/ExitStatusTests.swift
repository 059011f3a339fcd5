import DecisionTable
import Foundation
import PolicyAnswers
import PolicyJSON
import Testing

/// Exit statuses mean what the README says, and options that would be ignored are refused.
struct ExitStatusTests {
    @Test func versionIsPrinted() throws {
        let run = try CommandLineTests.policyc(["--version"])
        #expect(run.status == 0)
        #expect(
            run.stdout.hasPrefix("policyc ")
                && run.stdout.contains("decision table format \(DecisionTableArtifact.currentVersion)"), "\(run.stdout)"
        )
    }

    @Test func policiesWithErrorsAreNotARejectedInput() throws {
        let scratch = try ScratchDirectory(copying: Paths.mini)
        try scratch.write("region: national\nrules:\n  - id: x\n", to: "national.yaml")
        for command in ["eval", "explain"] {
            let run = try CommandLineTests.policyc(
                [command, "--policies", scratch.path], stdin: CommandLineTests.nanjing)
            #expect(run.status == 2, "\(command): 1 would mean the facts were rejected")
            #expect(run.stderr.contains("have errors"))
        }
        let rejected = try CommandLineTests.policyc(["eval"], stdin: #"{"origin": "火星"}"#)
        #expect(rejected.status == 1)
    }

    @Test func aTableAndPoliciesTogetherAreRefused() throws {
        for command in ["eval", "explain"] {
            let run = try CommandLineTests.policyc(
                [command, "--table", "table.json", "--policies", "policies"], stdin: CommandLineTests.nanjing)
            #expect(run.status == 2)
            #expect(run.stderr.contains("give --table or --policies, not both"))
        }
    }

    @Test func jsonLinesRefuseReadableTextOptionsInsteadOfIgnoringThem() throws {
        for (option, message) in [(["--format", "text"], "--format text does not apply")] {
            let run = try CommandLineTests.policyc(["eval", "--jsonl"] + option, stdin: CommandLineTests.nanjing)
            #expect(run.status == 2, "\(option)")
            #expect(run.stderr.contains(message), "\(run.stderr)")
        }
        #expect(
            try CommandLineTests.policyc(["eval", "--jsonl", "--format", "json"], stdin: CommandLineTests.nanjing)
                .status == 0)
        let english = try CommandLineTests.policyc(["eval", "--lang", "en"], stdin: CommandLineTests.nanjing)
        #expect(english.status == 0 && english.stdout.hasPrefix("Moving medical insurance"))
    }

    @Test func theTestSummaryNamesTheDirectoryAndBrokenTestFiles() throws {
        let scratch = try ScratchDirectory(copying: Paths.mini)
        let clean = try CommandLineTests.policyc(["test", scratch.path])
        #expect(clean.status == 1)  // the mini set holds one deliberately wrong expectation
        #expect(clean.stdout.hasSuffix("\(scratch.path): 1 passed, 1 failed\n"), "\(clean.stdout)")
        try scratch.write("cases:\n  - {name: no facts}\n", to: "tests/broken.yaml")
        let broken = try CommandLineTests.policyc(["test", scratch.path])
        #expect(broken.status == 1)
        let last = broken.stdout.split(separator: "\n").last.map(String.init) ?? ""
        #expect(last.hasPrefix("\(scratch.path): 1 passed, 1 failed; "), "\(last)")
        #expect(last.hasSuffix(" in the test files (cases not run)"), "\(last)")
    }
}
