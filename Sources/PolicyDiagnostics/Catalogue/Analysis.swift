extension Catalogue {
    /// Messages of the soundness analysis (gaps, conflicts, dead rules, redundant overrides).
    static let analysis: [(en: String, zh: String)] = [
        ("no rule of {0} answers some applicants of {1}", "{1} 的部分申请人没有 {0} 规则回答"),
        (
            "rules '{0}' and '{1}' both match and answer differently (hit policy unique)",
            "规则 '{0}' 和 '{1}' 都匹配，但答案不同（命中策略 unique）"
        ),
        ("rule '{0}' can never apply: {1}", "规则 '{0}' 永远不会适用：{1}"),
        (
            "it applies only where {0} is in {1}, but requires {2} to be {3}",
            "它只适用于 {0} 在{1}的情形，却要求 {2} 为 {3}"
        ),
        ("'{0}' decides every applicant it matches first", "'{0}' 先决定了它匹配的每个申请人"),
        (
            "the rules before it (such as '{0}') together decide every applicant it matches",
            "它之前的规则（如 '{0}'）共同决定了它匹配的每个申请人"
        ),
        ("it is overridden or out of force wherever it could apply", "在它可能适用之处，它都被覆盖或不在生效期"),
        (
            "no applicant it would decide can occur on the dates it is in force (no region has the states, or the places, its conditions need)",
            "在它生效的日期里，它本可决定的申请人都不可能出现（没有地区具备其条件所需的状态或地点）"
        ),
        (
            "check its conditions against the regions' dated states and places, or remove the rule",
            "请对照各地区带日期的状态和地点核对它的条件，或删除该规则"
        ),
        (
            "a possible {0} of {1} is not shown: {2}",
            "{1} 的一处可能的 {0} 未列出：{2}"
        ),
        (
            "no choice of origin, destination and member region realises it on these dates",
            "在这些日期里，任何转出地、转入地和家庭成员所在地的选择都不能实现它"
        ),
        (
            "the evaluator confirmed none of the {0} applicants tried (the analysis and the evaluator disagree)",
            "试过的 {0} 个申请人都未得到求值器确认（分析与求值器不一致）"
        ),
        ("rule '{0}' can never decide: {1}", "规则 '{0}' 永远不会作出决定：{1}"),
        (
            "rule '{0}' gives exactly what the rules it overrides would give; remove it, or mark it `restates:` when a local source confirms the general rule",
            "规则 '{0}' 给出的答案与被它覆盖的规则完全相同；请删除它，或在本地来源确认一般规则时标上 `restates:`"
        ),
        ("it applies only where {0} is {1}'s area, but requires {2} in {3}", "它只在 {0} 属于 {1} 时适用，却要求 {2} 属于 {3}"),
    ]
}
