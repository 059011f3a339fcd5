/// The catalogue of diagnostic codes. Codes are stable: tools and CI filters match on them.
/// `docs/diagnostics.md` explains each one; a test keeps the two in step.
public enum DiagnosticCode: String, Sendable, Codable, CaseIterable {
    // Files and YAML syntax
    case ioError = "E0001"
    case yamlSyntax = "E0002"
    case duplicateKey = "E0003"
    case missingFile = "E0004"
    case emptyFile = "E0005"
    case nestedTooDeep = "E0006"
    case unreadFile = "E0007"
    // Shape of the document
    case unknownKey = "E0101"
    case missingKey = "E0102"
    case wrongType = "E0103"
    case unknownValue = "E0104"
    case malformedDate = "E0105"
    case invertedInterval = "E0106"
    case emptyList = "E0107"
    case inconsistentDeclaration = "E0108"
    case overlappingSegments = "E0109"
    case contestedWithOneSource = "E0110"
    // References
    case unknownFact = "E0201"
    case unknownRegion = "E0202"
    case unknownSource = "E0203"
    case unknownRule = "E0204"
    case ruleWithoutSource = "E0205"
    case duplicateID = "E0206"
    case ambiguousRegion = "E0207"
    case unknownDecision = "E0208"
    case outputMismatch = "E0209"
    case overrideOutsideChain = "E0210"
    case wrongFolder = "E0211"
    case factOutsideDecision = "E0212"
    // Calendars
    case calendarDay = "E0301"
    // Warnings
    case unusedSource = "W0401"
    case emptyPolicyFile = "W0402"
    case deadRule = "W0403"
    case ineffectiveKey = "W0404"
    case moreDiagnostics = "W0405"
    case urlWithoutScheme = "W0406"
    case urlWithoutPage = "W0407"
    // Analysis findings
    case gap = "W0501"
    case conflict = "E0502"
    case redundantOverride = "W0503"
    case contradictoryConditions = "W0504"
    case badRestatement = "E0505"
    // policyc test
    case testFailed = "E0601"

    /// One-line summary: SARIF publishes it as the rule's description.
    public var summary: Message {
        switch self {
        case .ioError: "a file or directory could not be read"
        case .yamlSyntax: "the file is not valid YAML"
        case .duplicateKey: "a mapping repeats a key"
        case .missingFile: "a required policy file is missing"
        case .emptyFile: "a YAML file that is empty or holds only comments"
        case .nestedTooDeep: "YAML nested deeper than any policy file needs"
        case .unreadFile: "a YAML file where policyc does not read (an unknown or nested folder, an unknown file name)"
        case .unknownKey: "a key that this kind of file does not have"
        case .missingKey: "a required key is absent"
        case .wrongType: "a value has the wrong type (for example a list where text is expected)"
        case .unknownValue: "a value outside the allowed set"
        case .malformedDate: "a date that is not a real YYYY-MM-DD date"
        case .invertedInterval: "an effective interval that ends before it starts"
        case .emptyList: "a list that must not be empty is empty"
        case .inconsistentDeclaration:
            "a vocabulary declaration whose parts do not fit (a derivation and the fact's values, a collect decision and its outputs)"
        case .overlappingSegments: "two dated segments of one state attribute in one region overlap"
        case .contestedWithOneSource: "a segment marked contested cites fewer than two sources"
        case .urlWithoutScheme: "a source URL without a scheme (https://...)"
        case .urlWithoutPage: "a source URL that is a site's address, not the page the fact was read on"
        case .unknownFact: "a condition names a fact the vocabulary does not define"
        case .unknownRegion: "a region reference that matches no region"
        case .unknownSource: "a source id that sources.yaml does not define"
        case .unknownRule: "an override names a rule that does not exist"
        case .ruleWithoutSource: "a rule cites no source"
        case .duplicateID: "two rules, sources or regions share an id"
        case .ambiguousRegion: "a region reference that matches several regions"
        case .unknownDecision: "a rule names a decision the vocabulary does not define"
        case .outputMismatch: "a rule's `then` does not give the outputs its decision needs"
        case .overrideOutsideChain: "an override names a rule that can never apply where the overriding rule applies"
        case .factOutsideDecision:
            "a condition on a fact the rule's decision cannot know (a family-member fact in a decision not declared `about: family_member`)"
        case .wrongFolder: "a policy file whose region is not of its folder's level (a city under provinces/)"
        case .calendarDay: "a calendar entry on the wrong kind of day or in the wrong year"
        case .unusedSource: "a source that no rule, attribute or calendar cites"
        case .emptyPolicyFile: "a policy file with no rules and no attributes"
        case .deadRule: "a rule that earlier or more specific rules always pre-empt"
        case .gap: "applicants for whom no rule of a decision answers"
        case .conflict: "rules of a unique decision that overlap and answer differently"
        case .redundantOverride: "a more specific rule that answers exactly what the rules it overrides would"
        case .contradictoryConditions: "a rule whose conditions no applicant can satisfy"
        case .badRestatement:
            "`restates` names a rule that is not a less specific rule of the same decision in the chain"
        case .testFailed: "an applicant case in tests/ did not get the expected answer"
        case .moreDiagnostics: "more problems in a file than the report shows; they are counted"
        case .ineffectiveKey:
            "a key that has no effect where it is written (for example priority under hit policy first)"
        }
    }

    /// SARIF's help for the rule: its summary and where it is explained.
    public var rulesHelp: Message { "\(summary). docs/diagnostics.md explains \(rawValue) and how to fix it." }
}
