/// This policyc's version: printed by `policyc --version` and named in every SARIF log, so a
/// code-scanning alert says which compiler found it.
public let policycVersion = "0.1.0"
