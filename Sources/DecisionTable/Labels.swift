/// Chinese and English labels for the values in answers, used in messages and readable output.
public enum Labels {
    public static let values: [String: (zh: String, en: String)] = [
        "origin_not_stopped": ("转出地尚未停保（中止参保）", "insurance at the origin has not been stopped"),
        "destination_not_enrolled": ("尚未在转入地参保", "not yet insured at the destination"),
        "account_arrears": ("个人账户存在欠费", "the account is in arrears"),
        "account_frozen": ("个人账户被冻结", "the account is frozen"),
        "duplicate_enrollment": ("存在重复参保，须先保留一处", "insured in more than one place; keep only one first"),
        "same_pooling_area": (
            "转出地和转入地属于同一统筹区，不属于转移接续，无需办理", "origin and destination are one pooling area: this is not a transfer"
        ),
        "transfer_with_relationship": ("余额随医保关系转移至转入地", "the balance moves with the insurance relationship"),
        "usable_across_cities": ("省内跨市通用，不划转、不提现", "usable across cities in the province; neither moved nor withdrawn"),
        "payout_to_bank": ("划入本人银行账户", "paid to the person's own bank account"),
        "no_personal_account": ("居民医保没有个人账户", "residents' insurance has no personal account"),
        "same_area": ("同一统筹区", "same pooling area"),
        "intra_province": ("省内跨统筹区", "within the province"),
        "cross_province": ("跨省", "across provinces"),
        "family_account": ("家庭共济（省内共济账户）", "家庭共济 (in-area family sharing)"),
        "wallet": ("医保钱包（跨省共济）", "医保钱包 (cross-province wallet)"),
        "working_days": ("个工作日", "working days"),
        "months": ("个月", "months"),
        "days": ("天", "days"),
        "national": ("国家", "national"),
        "province": ("省级", "province"),
        "city": ("市级", "city"),
    ]

    public static func zh(_ value: String) -> String { values[value]?.zh ?? value }
    public static func en(_ value: String) -> String { values[value]?.en ?? value }
}
