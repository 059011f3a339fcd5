import Foundation
import Testing

/// Issue 25, class 4: `diff`'s OLD and NEW are verified as revisions (`git rev-parse --verify
/// --end-of-options`) before any other git call, so one that looks like an option is refused and
/// never reaches `git archive`.
struct RevisionTests {
    @Test(arguments: ["--output=VICTIM", "-oVICTIM", "--remote=ext::touch VICTIM", "--exec=touch VICTIM", "-"])
    func optionLikeRevisionsAreRefused(revision: String) throws {
        let scratch = NSTemporaryDirectory() + "policyc-victim-" + UUID().uuidString
        try "kept\n".write(toFile: scratch, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let argument = revision.replacingOccurrences(of: "VICTIM", with: scratch)
        for arguments in [
            ["diff", "--lang", "en", "--", argument, "HEAD"], ["diff", "--lang", "en", "--", "HEAD", argument],
        ] {
            let run = try CommandLineTests.policyc(arguments)
            #expect(run.status == 2, "\(arguments): \(run.stderr)")
            #expect(run.stderr.contains("is neither a directory nor a git revision"), "\(run.stderr)")
            #expect(try String(contentsOfFile: scratch, encoding: .utf8) == "kept\n")
        }
    }

    @Test func aRealRevisionStillDiffs() throws {
        let run = try CommandLineTests.policyc(["diff", "HEAD", "HEAD"])
        #expect(run.status == 0, "\(run.stderr)")
    }
}
