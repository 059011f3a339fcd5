/// The facts an applicant supplies, the facts derived from them, and the decisions the table answers.
/// This is the evaluator's public contract (field names and value sets), so it lives in code next to
/// the artifact; `policyc schema` publishes it and the compiler checks every rule against it.
public struct FactSpec: Sendable {
    public var name: String
    /// Allowed values; booleans are `false`, `true`.
    public var values: [String]
    public var isBoolean: Bool
    /// The value assumed when the applicant leaves the fact out; nil means the fact is needed.
    public var defaultValue: String?
    /// Computed by the evaluator (for example scope from origin and destination), not supplied.
    public var derived: Bool
    public var zh: String
    public var en: String
}

public enum HitPolicy: String, Sendable, Codable, CaseIterable {
    /// At most one rule of the deciding level may match.
    case unique
    /// The first matching rule, most specific level first, in file order.
    case first
    /// The matching rule with the highest `priority`, most specific level first.
    case priority
    /// Every matching rule at every level contributes (for example transfer blockers).
    case collect
}

/// Whose region chain a decision is looked up in (DESIGN §4).
public enum DecisionSubject: String, Sendable, Codable {
    case origin, destination
}

public struct OutputSpec: Sendable {
    public enum Kind: Sendable {
        case enumeration([String])
        /// An enum whose value `none` becomes JSON null.
        case optionalEnumeration([String])
        case count
        /// `true`, `false` or `unknown` (JSON null).
        case tristate
        /// `{zh: ..., en: ...}`
        case text
        /// `none`, or `{value, unit, approximate}`.
        case duration
    }
    public var name: String
    public var kind: Kind
    public var required: Bool

    public init(name: String, kind: Kind, required: Bool) {
        self.name = name
        self.kind = kind
        self.required = required
    }
}

public struct DecisionSpec: Sendable {
    public var name: String
    /// The default hit policy; national.yaml may choose another from `allowedHitPolicies`.
    public var hitPolicy: HitPolicy
    public var subject: DecisionSubject
    public var outputs: [OutputSpec]
    public var zh: String
    public var en: String

    /// Blockers are collected; a single-valued answer needs one winning rule.
    public var allowedHitPolicies: [HitPolicy] { hitPolicy == .collect ? [.collect] : [.first, .unique, .priority] }
}

public enum Vocabulary {
    public static let booleans = ["false", "true"]
    public static let scopes = ["same_area", "intra_province", "cross_province"]
    public static let relations = [
        "spouse", "parent", "child", "sibling", "grandparent", "grandchild", "parent_in_law", "other",
    ]
    public static let blockers = [
        "origin_not_stopped", "destination_not_enrolled", "account_arrears", "account_frozen", "duplicate_enrollment",
    ]
    public static let balanceHandlings = [
        "transfer_with_relationship", "usable_across_cities", "payout_to_bank", "no_personal_account",
    ]
    public static let durationUnits = ["working_days", "months", "days"]
    /// The longest time limit a rule may give, in working days (about four years; statutory limits
    /// are weeks). The compiler and the table check keep every limit within it.
    public static let maxWorkingDays = 1000

    /// The output a rule gives instead of the decision's outputs when the policy knows there is no
    /// answer for these applicants: `{zh, en}` saying why. The answer's values are then null.
    public static let undetermined = "undetermined"

    /// Region-valued facts: conditions on them list region references (code, name or pinyin).
    public static let regionFacts = ["origin", "destination", "member_region"]

    /// Facts about the family member, known only to the decision about the family member.
    public static let familyMemberFacts = [
        "member_relation", "member_insured", "member_scope", "member_wallet", "member_region",
    ]
    public static let familyMemberDecision = "family_sharing"

    public static let facts: [FactSpec] = [
        enumFact("insurance_type", ["employee", "resident"], nil, "参保类型", "insurance type"),
        enumFact("employment", ["employer", "flexible"], "employer", "就业方式", "employment"),
        boolFact("origin_stopped", nil, "转出地已停保", "insurance stopped at origin"),
        boolFact("destination_enrolled", nil, "转入地已参保", "enrolled at destination"),
        boolFact("duplicate_enrollment", "false", "重复参保", "insured in more than one place"),
        boolFact("retired", "false", "已退休", "retired"),
        boolFact("resettled_retiree", "false", "异地安置退休人员", "retiree resettled in another province"),
        boolFact("requests_bank_payout", "false", "申请划入本人银行账户", "asks for payout to own bank account"),
        boolFact("destination_connected", "true", "转入地已接入国家医保信息平台", "destination on the national platform"),
        enumFact("account_status", ["normal", "arrears", "frozen"], "normal", "个人账户状态", "account status"),
        derivedEnum("scope", scopes, "转移范围", "transfer scope"),
        derivedEnum("member_relation", relations, "家庭成员关系", "relation of the family member"),
        FactSpec(
            name: "member_insured", values: booleans, isBoolean: true, defaultValue: nil, derived: true,
            zh: "家庭成员已参保", en: "family member insured"),
        derivedEnum("member_scope", scopes, "家庭成员所在范围", "where the family member is insured"),
        derivedEnum("giver_wallet", ["open", "unknown"], "本人统筹区医保钱包", "wallet status of the giver's area"),
        derivedEnum("member_wallet", ["open", "unknown"], "家庭成员统筹区医保钱包", "wallet status of the member's area"),
    ]

    public static let decisions: [DecisionSpec] = [
        DecisionSpec(
            name: "transfer_blockers", hitPolicy: .collect, subject: .origin,
            outputs: [OutputSpec(name: "blocker", kind: .enumeration(blockers), required: true)],
            zh: "转移接续条件", en: "transfer conditions"),
        DecisionSpec(
            name: "balance_handling", hitPolicy: .first, subject: .origin,
            outputs: [OutputSpec(name: "handling", kind: .enumeration(balanceHandlings), required: true)],
            zh: "个人账户余额处理", en: "balance handling"),
        DecisionSpec(
            name: "transfer_out_time", hitPolicy: .first, subject: .origin,
            outputs: [OutputSpec(name: "max_working_days", kind: .count, required: true)],
            zh: "转出时限", en: "transfer-out time limit"),
        DecisionSpec(
            name: "transfer_in_time", hitPolicy: .first, subject: .destination,
            outputs: [OutputSpec(name: "max_working_days", kind: .count, required: true)],
            zh: "转入时限", en: "transfer-in time limit"),
        DecisionSpec(
            name: "funds_arrival", hitPolicy: .first, subject: .origin,
            outputs: [OutputSpec(name: "funds_arrival", kind: .duration, required: true)],
            zh: "余额到账时间", en: "funds arrival"),
        DecisionSpec(
            name: "family_sharing", hitPolicy: .first, subject: .origin,
            outputs: [
                OutputSpec(name: "allowed", kind: .tristate, required: true),
                OutputSpec(name: "channel", kind: .optionalEnumeration(["family_account", "wallet"]), required: true),
                OutputSpec(name: "reason", kind: .text, required: true),
            ],
            zh: "家庭共济", en: "family sharing"),
    ]

    public static func fact(named name: String) -> FactSpec? { facts.first { $0.name == name } }
    public static func decision(named name: String) -> DecisionSpec? { decisions.first { $0.name == name } }

    /// Attributes a region may carry, each a date.
    public static let attributes: [(name: String, zh: String, en: String)] = [
        ("wallet_open_since", "医保钱包全域开通日期", "date the 医保钱包 was open in the whole area")
    ]

    private static func enumFact(_ name: String, _ values: [String], _ def: String?, _ zh: String, _ en: String)
        -> FactSpec
    {
        FactSpec(name: name, values: values, isBoolean: false, defaultValue: def, derived: false, zh: zh, en: en)
    }

    private static func boolFact(_ name: String, _ def: String?, _ zh: String, _ en: String) -> FactSpec {
        FactSpec(name: name, values: booleans, isBoolean: true, defaultValue: def, derived: false, zh: zh, en: en)
    }

    private static func derivedEnum(_ name: String, _ values: [String], _ zh: String, _ en: String) -> FactSpec {
        FactSpec(name: name, values: values, isBoolean: false, defaultValue: nil, derived: true, zh: zh, en: en)
    }
}
