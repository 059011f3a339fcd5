extension DecisionSpec {
    /// A decision as the compiler builds it from vocabulary.yaml (the memberwise initializer is
    /// internal to this module).
    public init(
        _ name: String, subject: DecisionSubject, hitPolicy: HitPolicy, outputs: [OutputSpec], zh: String, en: String
    ) {
        self.init(name: name, hitPolicy: hitPolicy, subject: subject, outputs: outputs, zh: zh, en: en)
    }
}
