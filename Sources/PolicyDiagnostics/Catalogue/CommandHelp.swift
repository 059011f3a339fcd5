extension Catalogue {
    /// The commands' `--help`: abstracts, discussions and the help of each option and argument.
    static let commandHelp: [(en: String, zh: String)] = [
        (
            "Compile regional 医保 policy YAML into a decision table and answer applicants' questions.",
            "把各地区的医保政策 YAML 编译为决策表，并回答申请人的问题。"
        ),
        (
            "Exit status: 0 success; 1 errors in the policies, failing tests or a rejected input; 2 usage or I/O problems.",
            "退出状态：0 成功；1 政策有错误、测试失败或输入被拒绝；2 用法或读写问题。"
        ),
        ("Validate and analyse a policy directory.", "校验并分析一个政策目录。"),
        (
            """
            Formats: human (source snippets, the default), text (one line per diagnostic), gnu \
            (file:line:col-endLine.endCol: error: message [CODE]), json, github (GitHub Actions annotations) \
            and sarif (SARIF 2.1.0 for code scanning).
            Exit status: 0 clean (warnings allowed), 1 errors (or warnings with --warnings-as-errors), 2 usage or I/O.
            """,
            """
            格式：human（带源码片段，默认）、text（每条诊断一行）、gnu\
            （file:line:col-endLine.endCol: error: message [CODE]）、json、github（GitHub Actions 注释）\
            和 sarif（用于代码扫描的 SARIF 2.1.0）。
            退出状态：0 无错误（允许警告），1 有错误（或在 --warnings-as-errors 下有警告），2 用法或读写问题。
            """
        ),
        ("The policy directory.", "政策目录。"),
        ("Output format: human, text, gnu, json, github or sarif.", "输出格式：human、text、gnu、json、github 或 sarif。"),
        ("Fail on warnings too.", "有警告也算失败。"),
        (
            "Colour the human format: never, always, or auto (when stdout is a terminal and NO_COLOR is unset).",
            "human 格式的颜色：never、always 或 auto（标准输出是终端且未设置 NO_COLOR 时着色）。"
        ),
        (
            "Language of messages and readable output: zh (the default) or en.",
            "消息和可读输出的语言：zh（默认）或 en。"
        ),
        (
            "Compile a policy directory into a decision-table artifact (JSON).",
            "把政策目录编译为决策表文件（JSON）。"
        ),
        (
            "Identical input gives byte-identical output. Exit status: 0 written, 1 policy errors, 2 usage or I/O.",
            "相同的输入给出逐字节相同的输出。退出状态：0 已写出，1 政策有错误，2 用法或读写问题。"
        ),
        ("Where to write the table ('-' for standard output).", "决策表写到哪里（'-' 表示标准输出）。"),
        ("Show which applicants' answers a policy change moves.", "显示一次政策改动会改变哪些申请人的答案。"),
        (
            """
            OLD and NEW are policy directories or git revisions (policyc diff HEAD~1 HEAD). Exit status: 0 equal, \
            1 different, 2 usage, I/O or policy errors.
            """,
            "OLD 和 NEW 是政策目录或 git 修订版本（policyc diff HEAD~1 HEAD）。退出状态：0 相同，1 不同，2 用法、读写或政策错误。"
        ),
        ("The old policies: a directory or a git revision.", "旧的政策：一个目录或一个 git 修订版本。"),
        (
            "The new policies: a directory or a git revision (default: the working tree).",
            "新的政策：一个目录或一个 git 修订版本（默认：工作区）。"
        ),
        ("The policy directory inside the repository, for git revisions.", "仓库中的政策目录（用于 git 修订版本）。"),
        (
            "Output format: text, json or markdown (for a pull-request comment).",
            "输出格式：text、json 或 markdown（用于拉取请求评论）。"
        ),
        (
            "Print an intermediate form of the pipeline (for authors and tests).",
            "打印流水线的一个中间形式（供政策作者和测试使用）。"
        ),
        (
            """
            syntax (as written, with places), validated (typed rules), resolved (chains per region and decision), \
            table (the artifact) or analysis (every finding, and the pieces of the fact space no applicant was found for).
            """,
            "syntax（原样，带位置）、validated（已定型的规则）、resolved（每个地区和决策的规则链）、table（决策表文件）或 analysis（全部分析结论，以及找不到申请人的事实空间片段）。"
        ),
        (
            "Answer an applicant's questions: transfer, balance, timing and family sharing.",
            "回答申请人的问题：转移接续、账户余额、办理时限和家庭共济。"
        ),
        (
            """
            Reads one JSON object of facts (or JSON Lines with --jsonl). Exit status: 0 answered; 1 the facts were \
            rejected (in --jsonl mode: any line was rejected); 2 usage, I/O, an invalid table or policies with errors.
            """,
            """
            读取一个事实 JSON 对象（用 --jsonl 时读取 JSON Lines）。退出状态：0 已回答；1 事实被拒绝\
            （--jsonl 模式下：任一行被拒绝）；2 用法、读写问题、无效的决策表或政策有错误。
            """
        ),
        (
            "Read JSON Lines (one facts object per line) and write one JSON answer per line.",
            "读取 JSON Lines（每行一个事实对象），每行写出一个 JSON 答案。"
        ),
        (
            "With --jsonl: answer on this many cores (output order is kept; default 1).",
            "配合 --jsonl：用这么多个核回答（保持输出顺序；默认 1）。"
        ),
        (
            """
            With --answer compact: answer only these parts, comma-separated: a part vocabulary.yaml's answer: lays \
            out (transfer, balance, transfer_out, ...) or any decision's name.
            """,
            "配合 --answer compact：只回答这些部分，用逗号分隔：vocabulary.yaml 的 answer: 列出的部分（transfer、balance、transfer_out 等）或任一决策名。"
        ),
        (
            """
            With --jsonl: full (the published answer, provenance spelled out) or compact (the same parts and due \
            dates; provenance by rule and source id, for bulk runs).
            """,
            "配合 --jsonl：full（公开的答案格式，写明出处）或 compact（同样的部分和到期日；出处只给规则和来源编号，用于批量运行）。"
        ),
        (
            """
            The longest facts line (or, without --jsonl, facts document) accepted, in bytes; a longer line is \
            rejected and the stream goes on (default 1048576).
            """,
            "接受的最长事实行（不用 --jsonl 时为整个事实文档），单位字节；更长的行被拒绝，数据流继续（默认 1048576）。"
        ),
        (
            "Also explain each answer: the rules considered and why each did or did not decide.",
            "同时解释每个答案：考虑了哪些规则，以及每条规则为何作出或没有作出决定。"
        ),
        (
            "Explain an answer: the rules considered, and for each one that did not decide, why not.",
            "解释一个答案：考虑了哪些规则，以及每条没有作出决定的规则为何没有。"
        ),
        (
            "Exit status: 0 explained; 1 the facts were rejected; 2 usage, I/O, an invalid table or policies with errors.",
            "退出状态：0 已解释；1 事实被拒绝；2 用法、读写问题、无效的决策表或政策有错误。"
        ),
        ("Facts file (JSON object), or '-' for standard input.", "事实文件（JSON 对象），'-' 表示标准输入。"),
        (
            "Answer from a compiled table instead of compiling the policies.",
            "用已编译的决策表回答，而不是编译政策。"
        ),
        (
            "The policy directory to compile when no --table is given (default: policies).",
            "没有给出 --table 时要编译的政策目录（默认：policies）。"
        ),
        ("Output format: text (readable, the default) or json.", "输出格式：text（可读，默认）或 json。"),
        (
            "Evaluate as of this date when the facts give no application_date (YYYY-MM-DD).",
            "事实中没有 application_date 时，按这个日期回答（YYYY-MM-DD）。"
        ),
        ("Print what the policies record, province by province.", "逐省打印政策记录了什么。"),
        (
            """
            For the national baseline and every province (with its cities): the rules by decision with their \
            effective dates, the region attributes with their dated values, and the sources with their \
            confidence. docs/knowledge.md is the markdown output. Exit status: 0, 1 policy errors, 2 usage or I/O.
            """,
            """
            对全国基线和每个省（及其城市）：按决策列出规则及其生效日期、地区属性及其按日期的取值、\
            来源及其可信度。docs/knowledge.md 就是 markdown 输出。退出状态：0，1 政策有错误，2 用法或读写问题。
            """
        ),
        ("text or markdown.", "text 或 markdown。"),
        ("--format must be text or markdown", "--format 必须是 text 或 markdown"),
        (
            "Run the policy language server (LSP 3.17) over standard input and output.",
            "通过标准输入和输出运行政策语言服务器（LSP 3.17）。"
        ),
        (
            """
            An editor starts it for the YAML files of a policy directory (the folder holding regions.yaml). \
            Exit status: 0 after the client's shutdown and exit, 1 otherwise.
            """,
            "编辑器为一个政策目录（含 regions.yaml 的文件夹）的 YAML 文件启动它。退出状态：客户端 shutdown 并 exit 后为 0，否则为 1。"
        ),
        (
            "Print the JSON Schemas of the policy files, facts and answers, generated from the compiler's model.",
            "打印由编译器模型生成的政策文件、事实和答案的 JSON Schema。"
        ),
        (
            """
            Without arguments, lists the schema names. `policyc schema NAME` prints one schema; `--write DIR` \
            writes every schema as DIR/NAME.schema.json; `--check DIR` compares DIR with what --write would write. \
            Exit status: 0 success (or DIR up to date), 1 DIR differs, 2 usage or I/O.
            """,
            """
            不带参数时列出模式名称。`policyc schema NAME` 打印一个模式；`--write DIR` 把每个模式写为 \
            DIR/NAME.schema.json；`--check DIR` 把 DIR 与 --write 会写出的内容比较。\
            退出状态：0 成功（或 DIR 是最新的），1 DIR 不同，2 用法或读写问题。
            """
        ),
        ("A schema to print (see the list printed without arguments).", "要打印的模式（见不带参数时打印的列表）。"),
        ("Write every schema to DIR/NAME.schema.json.", "把每个模式写到 DIR/NAME.schema.json。"),
        ("Exit 1 when the schemas in DIR differ from what --write writes.", "DIR 中的模式与 --write 写出的不同时以 1 退出。"),
        (
            "The policy directory whose vocabulary.yaml the schemas describe.",
            "模式所描述的 vocabulary.yaml 所在的政策目录。"
        ),
        (
            "Run the applicant cases in DIR/tests/*.yaml against the compiled policies.",
            "用编译后的政策运行 DIR/tests/*.yaml 中的申请人用例。"
        ),
        (
            """
            Exit status: 0 all passed (and coverage at least --min-coverage), 1 a case failed, coverage is below \
            the minimum or the policies have errors, 2 usage or I/O.
            """,
            "退出状态：0 全部通过（且覆盖率不低于 --min-coverage），1 有用例失败、覆盖率低于下限或政策有错误，2 用法或读写问题。"
        ),
        (
            "The date used for cases without application_date (YYYY-MM-DD).",
            "没有 application_date 的用例所用的日期（YYYY-MM-DD）。"
        ),
        (
            "Output format: text, junit, or a diagnostic format (human, gnu, json, github, sarif).",
            "输出格式：text、junit，或一种诊断格式（human、gnu、json、github、sarif）。"
        ),
        (
            "Report rule coverage: which rules and effective intervals no case exercises.",
            "报告规则覆盖率：哪些规则和生效区间没有用例覆盖。"
        ),
        (
            "Fail when rule coverage is below this percentage (implies --coverage).",
            "规则覆盖率低于这个百分比时失败（隐含 --coverage）。"
        ),
        (
            "Measure the pipeline on the shipped policies and on a synthetic national-scale set.",
            "在随附的政策和一个合成的全国规模政策集上测量流水线。"
        ),
        (
            "Build with -c release for meaningful figures: swift run -c release policyc bench",
            "用 -c release 构建才有意义：swift run -c release policyc bench"
        ),
        ("The shipped policy directory.", "随附的政策目录。"),
        ("Where to write the synthetic policy set.", "合成政策集写到哪里。"),
        ("Runs per workload (the median is reported).", "每个工作负载运行的次数（报告中位数）。"),
        ("Applicants for the evaluation workload.", "求值工作负载的申请人数。"),
        ("policyc bench ({0} cores visible, one used)", "policyc bench（可见 {0} 个核，使用 1 个）"),
        ("  {0}: median {1} ms of {2} runs; {3}", "  {0}：{2} 次运行的中位数 {1} 毫秒；{3}"),
        (
            "Measure only a given table (DIR/table.json) on its facts (DIR/facts.jsonl), as scripts/benchmarks/peer_table.py writes.",
            "只在给定决策表（DIR/table.json）及其事实（DIR/facts.jsonl）上测量，即 scripts/benchmarks/peer_table.py 写出的文件。"
        ),
        (
            "Measure only single decisions on the shipped policies (for profiling).",
            "只在随附的政策上测量单个决策（用于性能剖析）。"
        ),
        (
            "Sizes of the dated-rules case: one city with this many one-day rules, checked and compiled (0 to skip).",
            "带日期规则的测量规模：一个城市有这么多条只生效一天的规则，对其检查并编译（0 表示跳过）。"
        ),
        (
            "Measure only check + compile: the shipped, synthetic national and dated-rules sets.",
            "只测量检查 + 编译：随附的政策、合成的全国规模政策和带日期规则的政策。"
        ),
        (
            "Answer over HTTP: the same answers as eval, batch JSON Lines, a web page; hot reload.",
            "通过 HTTP 回答：与 eval 相同的答案、批量 JSON Lines、一个网页；热重载。"
        ),
        (
            """
            Compiles --policies DIR (default policies) or loads --table FILE, then serves until SIGINT or SIGTERM \
            (in-flight requests are finished; exit 0). A change under the source (checked every --reload-interval \
            seconds) or SIGHUP reloads it; a table with errors is never swapped in. Exit status: 2 when there is \
            no table to start with or the port cannot be bound.
            """,
            """
            编译 --policies DIR（默认 policies）或载入 --table FILE，然后一直服务到 SIGINT 或 SIGTERM\
            （处理完进行中的请求；以 0 退出）。来源下的改动（每 --reload-interval 秒检查一次）或 SIGHUP \
            会重新载入；有错误的决策表不会被换上。退出状态：启动时没有决策表或端口无法绑定时为 2。
            """
        ),
        (
            "The policy directory to compile and watch (default: policies).",
            "要编译并监视的政策目录（默认：policies）。"
        ),
        (
            "Serve a compiled table instead (its hash is verified on every load).",
            "改为服务一个已编译的决策表（每次载入都校验其哈希）。"
        ),
        ("The address to listen on.", "监听的地址。"),
        (
            "The port to listen on (0: any free port; the one chosen is printed).",
            "监听的端口（0：任一空闲端口；会打印所选端口）。"
        ),
        (
            "Seconds between checks for a change under the source; 0 reloads on SIGHUP only.",
            "检查来源改动的间隔秒数；0 表示只在收到 SIGHUP 时重新载入。"
        ),
        (
            "Append one JSON line per answer (time, table, as-of date, deciding rules) to this file.",
            "每个答案向这个文件追加一行 JSON（时间、决策表、依据日期、作出决定的规则）。"
        ),
        (
            "Also write each answer's facts to the decision log (personal data: off by default).",
            "同时把每个答案的事实写入决策日志（属于个人数据：默认关闭）。"
        ),
        ("The largest body of /v1/answer and /v1/explain, in bytes.", "/v1/answer 和 /v1/explain 的最大请求体，单位字节。"),
        ("The longest line of a /v1/answers batch, in bytes.", "/v1/answers 批量请求的最长行，单位字节。"),
        ("--decision-log-facts needs --decision-log", "--decision-log-facts 需要 --decision-log"),
        (
            "Let pages from ORIGIN (scheme://host[:port], exactly) call the API from a browser (CORS); repeatable.",
            "允许来自 ORIGIN（scheme://host[:port]，须完全一致）的网页在浏览器中调用 API（CORS）；可重复给出。"
        ),
        (
            "--cors-origin must be an origin as a browser sends it (https://host or https://host:port, in lower case), got '{0}'",
            "--cors-origin 必须是浏览器发送的那种来源（https://host 或 https://host:port，小写），实际是 '{0}'"
        ),
        ("--decision-log-required needs --decision-log", "--decision-log-required 需要 --decision-log"),
        (
            "Keep the last good table in DIR and start from it (with a warning in /readyz) when the source is broken.",
            "把最后一个正确的决策表保存在 DIR 中；源出错时从它启动（/readyz 中给出警告）。"
        ),
        (
            "policyc: warning: {0}; serving the last good table kept in {1} ({2})",
            "policyc：警告：{0}；正在服务保存在 {1} 中的最后一个正确决策表（{2}）"
        ),
        (
            "Withhold an answer whose decision-log line cannot be written (503) instead of serving it and counting the drop.",
            "决策日志行写不进去时扣下答案（503），而不是照常作答并计入丢弃数。"
        ),
        ("policyc: {0}; nothing to serve", "policyc：{0}；没有可服务的决策表"),
        ("policyc: serving {0} on http://{1}:{2}/", "policyc：正在 http://{1}:{2}/ 上服务 {0}"),
        ("the policies in '{0}' have errors ({1})", "'{0}' 中的政策有错误（{1}）"),
        ("reloaded ({0}): now serving {1}", "已重新载入（{0}）：现在服务 {1}"),
        ("reloaded ({0}): unchanged, {1}", "已重新载入（{0}）：未改变，{1}"),
        ("reload ({0}) failed; still serving {1}: {2}", "重新载入（{0}）失败；仍在服务 {1}：{2}"),
        ("SIGHUP", "收到 SIGHUP"),
        ("a change under the source", "来源下有改动"),
    ]

    /// swift-argument-parser's own usage errors, as its templates, the specific ones first (read
    /// back by `Message.reading`, so that `policyc` can give them in the run's language).
    static let argumentParser: [(en: String, zh: String)] = [
        ("Missing expected argument '{0}'", "缺少必需的参数 '{0}'"),
        ("Missing one of: '{0}'", "缺少以下之一：'{0}'"),
        ("Unknown option '{0}'. Did you mean '{1}'?", "未知的选项 '{0}'。是不是想用 '{1}'？"),
        ("Unknown option '{0}'", "未知的选项 '{0}'"),
        ("Missing value for '{0}'", "'{0}' 缺少值"),
        ("Unexpected argument '{0}'", "多余的参数 '{0}'"),
        ("{0} unexpected arguments: '{1}'", "{0} 个多余的参数：'{1}'"),
        (
            "The value '{0}' is invalid for '{1}'. Please provide one of {2} or {3}.",
            "值 '{0}' 对 '{1}' 无效。请给出 {2} 或 {3}。"
        ),
        (
            "The value '{0}' is invalid for '{1}'. Please provide one of {2} and {3}.",
            "值 '{0}' 对 '{1}' 无效。请给出 {2} 或 {3}。"
        ),
        (
            "The value '{0}' is invalid for '{1}'. Please provide one of the following:{2}",
            "值 '{0}' 对 '{1}' 无效。请给出以下之一：{2}"
        ),
        ("The value '{0}' is invalid for '{1}'", "值 '{0}' 对 '{1}' 无效"),
        ("The option '{0}' does not take any value, but '{1}' was specified.", "选项 '{0}' 不接受值，但给出了 '{1}'。"),
        ("Invalid option: {0}", "无效的选项：{0}"),
        ("Missing required subcommand.", "缺少子命令。"),
        ("Value to be set with {0} had already been set with {1}", "用 {0} 设置的值已经由 {1} 设置过"),
        ("See '{0}' for more information.", "详见 '{0}'。"),
        ("See '{0} <subcommand>' for detailed help.", "详细帮助见 '{0} <子命令>'。"),
        ("Error: ", "错误："),
        ("Help:  ", "帮助："),
        ("Usage: ", "用法："),
        ("USAGE: ", "用法："),
        ("OVERVIEW: ", "概述："),
    ]

    /// The parser's fixed words inside a help screen, replaced where they stand.
    static let argumentParserWords: [(en: String, zh: String)] = [
        ("ARGUMENTS:", "参数："),
        ("OPTIONS:", "选项："),
        ("SUBCOMMANDS:", "子命令："),
        ("Show help information.", "显示帮助信息。"),
        ("Show the version.", "显示版本。"),
        // ASCII brackets, as the parser closes them; the bare forms are for a line wrapped after the colon.
        ("(default: ", "(默认: "),
        ("(values: ", "(可选值: "),
        ("; default: ", "; 默认: "),
        ("(default:", "(默认:"),
        ("(values:", "(可选值:"),
    ]

    /// The templates `Message.reading` tries on the parser's usage errors, in order.
    public static var argumentParserTemplates: [String] { argumentParser.map(\.en) }

    /// The fixed words of the parser's help screens.
    public static var argumentParserPhrases: [String] { argumentParserWords.map(\.en) }
}
