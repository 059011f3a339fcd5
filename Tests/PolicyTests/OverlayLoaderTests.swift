import PolicyLoader
import Testing

/// An editor's new, unsaved file (in the overlay, not on disk) is listed with the files on disk of
/// its folder, for policy files and test files alike; a file in a nested folder is not.
struct OverlayLoaderTests {
    @Test func aNewUnsavedTestFileIsLoadedWithTheOnesOnDisk() throws {
        let onDisk = TestCaseLoader.load(directory: Paths.policies)
        let text = """
            cases:
              - name: an unsaved case
                facts: {origin: 南京, destination: 上海, insurance_type: employee}
                expect: {transfer.eligible: true}
            """
        let unsaved = TestCaseLoader.load(
            directory: Paths.policies,
            overlay: ["\(Paths.policies)/tests/zz-unsaved.yaml": text, "\(Paths.policies)/tests/deep/x.yaml": text])
        #expect(unsaved.diagnostics.isEmpty, "\(unsaved.diagnostics)")
        #expect(unsaved.cases.count == onDisk.cases.count + 1)
        #expect(unsaved.cases.last?.name.value == "an unsaved case")
    }
}
