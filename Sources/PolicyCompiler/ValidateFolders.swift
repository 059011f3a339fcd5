import DecisionTable
import PolicyDiagnostics
import PolicySyntax

/// A policy file's folder says the level of its region: national.yaml the national baseline,
/// provinces/ a province, cities/ a city. A file in the wrong one is an error, not a silent move.
enum ValidateFolders {
    static func check(_ file: PolicyFileDecl, level: RegionLevel, root: String, diagnostics: inout [Diagnostic]) {
        let path = Validate.relative(file.path, to: root)
        let expected: (level: RegionLevel, place: String)
        if path == "national.yaml" {
            expected = (.national, "national.yaml")
        } else if path.hasPrefix("provinces/") {
            expected = (.province, "provinces/")
        } else if path.hasPrefix("cities/") {
            expected = (.city, "cities/")
        } else {
            return
        }
        guard level != expected.level else { return }
        let folder: String =
            switch level {
            case .national: "national.yaml"
            case .province: "provinces/"
            case .city: "cities/"
            }
        let what: Message =
            switch level {
            case .national: "the national baseline"
            case .province: "a province"
            case .city: "a city"
            }
        diagnostics.append(
            .error(
                .wrongFolder, "'\(file.region.value)' is \(what), but this file is in \(expected.place)",
                at: file.region.span,
                help: level == .national
                    ? "national rules belong in national.yaml" : "move the file to \(folder), or correct region:"))
    }
}
