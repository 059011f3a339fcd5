extension Catalogue {
    /// Messages of `policyc test`: failed expectations and coverage.
    static let testRunner: [(en: String, zh: String)] = [
        ("{0}: no such field in the answer", "{0}：答案中没有这个字段"),
        ("{0}: expected {1}, got {2}", "{0}：预期 {1}，实际 {2}"),
        ("input rejected: {0}", "输入被拒绝：{0}"),
        ("{0} (and {1} more)", "{0}（另有 {1} 项）"),
        ("at {0}:{1}", "位于 {0}:{1}"),
        ("decided by {0} ({1}:{2})", "由 {0} 决定（{1}:{2}）"),
        ("decided by {0}", "由 {0} 决定"),
        ("case '{0}' did not get the expected answer", "用例 '{0}' 没有得到预期答案"),
        ("fix the rule that decided, or the expectation if the rule is right", "修正作出决定的规则；如果规则正确，则修正预期"),
        ("; 1 error in the test files (cases not run)", "；测试文件中有 1 个错误（用例未运行）"),
        ("; {0} errors in the test files (cases not run)", "；测试文件中有 {0} 个错误（用例未运行）"),
        ("{0}: {1} passed, {2} failed", "{0}：{1} 个通过，{2} 个失败"),
        ("all dates", "所有日期"),
        ("from {0}", "自 {0} 起"),
        ("until {0}", "至 {0} 止"),
        ("{0} to {1}", "{0} 至 {1}"),
        ("Rule coverage (a rule is covered when it decides at least one case):", "规则覆盖率（一条规则至少决定一个用例即为已覆盖）："),
        ("{0}/{1} rules", "{0}/{1} 条规则"),
        ("{0}/{1} intervals", "{0}/{1} 个区间"),
        ("not covered: {0} ({1}:{2})", "未覆盖：{0}（{1}:{2}）"),
        ("no case dated {0}", "没有日期在{0}的用例"),
        ("coverage: {0}/{1} rules ({2}%)", "覆盖率：{0}/{1} 条规则（{2}%）"),
        ("policyc test: no test cases found in {0}/tests", "policyc test：在 {0}/tests 中没有找到测试用例"),
        ("policyc test: rule coverage {0}% is below {1}%", "policyc test：规则覆盖率 {0}% 低于 {1}%"),
    ]
}
