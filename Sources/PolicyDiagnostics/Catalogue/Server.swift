extension Catalogue {
    /// `policyc serve`'s own errors (the facts' are the evaluator's), in each request's `lang`.
    static let server: [(en: String, zh: String)] = [
        (
            "the decision log cannot be written; the answer is withheld (--decision-log-required)",
            "决策日志无法写入；答案已扣下（--decision-log-required）"
        ),
        ("unknown language '{0}'", "未知的语言 '{0}'"),
        ("unknown answer form '{0}'", "未知的答案形式 '{0}'"),
        ("unknown format '{0}'", "未知的格式 '{0}'"),
        ("a batch answers in JSON Lines; format=text does not apply", "批量请求以 JSON Lines 回答；format=text 不适用"),
        ("format=text needs answer=full", "format=text 需要 answer=full"),
        ("parts= needs answer=compact", "parts= 需要 answer=compact"),
        ("unknown part in '{0}'; give one or more, comma-separated", "'{0}' 中有未知的部分；请给出一个或多个，用逗号分隔"),
        ("as_of must be a date as YYYY-MM-DD, got '{0}'", "as_of 必须是 YYYY-MM-DD 格式的日期，实际是 '{0}'"),
        ("no such path: {0}", "没有这个路径：{0}"),
        ("{0} is not UTF-8 once percent-decoded", "{0} 经百分号解码后不是 UTF-8"),
        ("{0} answers {1} only", "{0} 只接受 {1}"),
        ("give q=, the start of a code, name or pinyin", "请给出 q=，即代码、名称或拼音的开头"),
        ("limit must be 1 to 100, got '{0}'", "limit 必须在 1 到 100 之间，实际是 '{0}'"),
        ("no source '{0}' in the serving table", "正在服务的决策表中没有来源 '{0}'"),
        ("the body must be {0}, not {1}", "请求体必须是 {0}，而不是 {1}"),
        ("the body did not arrive within {0} ms", "请求体没有在 {0} 毫秒内到达"),
        (
            "the body is longer than {0} bytes; give one applicant's facts",
            "请求体超过 {0} 字节；请只给一个申请人的事实"
        ),
    ]
}
