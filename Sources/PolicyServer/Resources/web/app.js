// The page's behaviour: plain JavaScript, no build step, no network beyond this server.
// The form and the answer are built from the serving table's vocabulary (/v1/vocabulary): its
// facts, their labels and defaults, the decisions' outputs and the answer's parts and headings.
"use strict";
(function () {
  let lang = new URLSearchParams(location.search).get("lang") === "en" ? "en" : "zh";
  let vocabulary = null;
  const $ = (id) => document.getElementById(id);
  const ui = {
    zh: {
      unsure: "不清楚", yes: "是", no: "否", can: "可以办理转移", cannot: "暂不能办理转移", notNeeded: "无需办理转移",
      needMore: "还不能确定，请补充以下情况", notRecorded: "本库未收录，请咨询经办机构",
      toggle: "English", toggleLabel: "Switch to English", failed: "查询失败：",
      missing: "请填写转出地和转入地。", loading: "正在读取问题……", reasons: "暂不能办理，原因：",
      unanswered: (q, a) => `你未回答「${q}」，按「${a}」计算`, change: "修改", answer: "回答",
      noDate: "你未填申请日期，按今天计算", apply: "提交转移申请", by: "最迟", around: "约",
      workingDays: (n) => `不超过 ${n} 个工作日`, provisional: "（当年节假日安排尚未正式公布，日期可能变动）",
      why: "为什么 / 依据", rule: "依据的规则", checked: "已核对的条件", missingFacts: "还需要知道",
      source: "来源", confidence: "可信度", undetermined: "无法确定", noLink: "（无公开链接）",
      moving: "医保关系转移", scope: "范围", date: "申请日期", publisher: "发布者", published: "日期",
      weekdays: ["周日", "周一", "周二", "周三", "周四", "周五", "周六"],
      units: { working_days: "个工作日", months: "个月", days: "天" },
      levels: {
        official: ["官方文件", "有政府部门发布的文件或页面原文为据。"],
        state_media: ["官方媒体", "新华社、央视等官方媒体报道过，未见文件原文。"],
        secondary: ["第三方网页", "转述政策的新闻或网页，未见官方原文，请向经办机构确认。"],
        seed: ["网络文章", "仅有网络文章这样说，未经官方资料核实，请向经办机构确认。"],
      },
    },
    en: {
      unsure: "Not sure", yes: "Yes", no: "No", can: "You can transfer", cannot: "You cannot transfer yet",
      notNeeded: "No transfer needed", needMore: "Not decided yet: tell us the following",
      notRecorded: "Not recorded here: ask the insurance office",
      toggle: "中文", toggleLabel: "切换到中文", failed: "The request failed: ",
      missing: "Give where you are insured now and where you are moving.", loading: "Loading the questions…",
      reasons: "Not yet, because:", unanswered: (q, a) => `You did not answer “${q}”: taken as “${a}”`,
      change: "Change", answer: "Answer", noDate: "You gave no application date: today is assumed",
      apply: "Apply for the transfer", by: "by", around: "about",
      workingDays: (n) => `at most ${n} working days`,
      provisional: " (that year's public holidays are not yet official: the date may change)",
      why: "Why / sources", rule: "Rule", checked: "Conditions checked", missingFacts: "Still needed",
      source: "Source", confidence: "Confidence", undetermined: "Cannot be decided", noLink: "(no public link)",
      moving: "Moving medical insurance", scope: "Scope", date: "Application date", publisher: "Publisher",
      published: "Date", weekdays: ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"],
      units: { working_days: "working days", months: "months", days: "days" },
      levels: {
        official: ["Official document", "A government document or page says so."],
        state_media: ["State media", "State media (Xinhua, CCTV, ...) reported it; the document itself was not seen."],
        secondary: ["Third-party web page", "News or a web page retelling the policy; check with the office."],
        seed: ["Web article", "Only a web article says so, not checked against official sources; check with the office."],
      },
    },
  };
  const t = () => ui[lang];
  const el = (tag, text, cls) => {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  };
  const label = (x) => (x ? x[lang] || x.zh : "");
  const colon = () => (lang === "zh" ? "：" : ": ");

  // ---- the vocabulary: facts the person gives, and how to word them ----
  const inputFacts = () => vocabulary.facts.filter((f) => !f.derive);
  const memberFact = (field) => vocabulary.facts.find((f) => f.derive && f.derive.member === field);
  const factByName = (name) => vocabulary.facts.find((f) => f.name === name);
  function valueLabel(fact, value) {
    if (fact.boolean) return value === "true" || value === true ? t().yes : t().no;
    const i = fact.values.indexOf(String(value));
    return fact.labels && i >= 0 ? label(fact.labels[i]) : String(value);
  }
  // A region fact, the application date or a vocabulary fact, by the name answers use.
  function factLabel(name) {
    const fact = factByName(name);
    if (fact) return label(fact);
    const field = document.querySelector(`label[for="${name}"]`);
    return field ? field.textContent : name;
  }

  function questionFor(fact) {
    const box = document.createDocumentFragment();
    const l = el("label", label(fact));
    l.htmlFor = fact.name;
    l.dataset.fact = fact.name;
    box.appendChild(l);
    let control;
    if (fact.number) {
      control = el("input");
      control.type = "number";
      control.step = "1";
      control.inputMode = "numeric";
      if (fact.number.min !== undefined) control.min = fact.number.min;
      if (fact.number.max !== undefined) control.max = fact.number.max;
      control.placeholder = t().unsure;
    } else {
      control = el("select");
      fillOptions(control, fact);
    }
    control.id = control.name = fact.name;
    control.dataset.fact = fact.name;
    box.appendChild(control);
    return box;
  }

  // Every question has a first answer "not sure": the fact is then left out, and the answer
  // either assumes its default (listed) or says it needs it.
  function fillOptions(select, fact, withUnsure = true) {
    const chosen = select.value;
    select.innerHTML = "";
    const values = fact.boolean ? ["true", "false"] : fact.values;
    for (const value of (withUnsure ? [""] : []).concat(values)) {
      const option = el("option", value === "" ? t().unsure : valueLabel(fact, value));
      option.value = value;
      select.appendChild(option);
    }
    select.value = chosen;
  }

  function buildForm() {
    const needed = $("needed"), more = $("more");
    for (const fact of inputFacts()) (fact.default === undefined ? needed : more).appendChild(questionFor(fact));
    // The family member: their relation and whether insured, worded as the vocabulary's derived facts.
    const fields = $("family-fields");
    for (const [field, name] of [["relation", "member_relation"], ["insured", "member_insured"]]) {
      const fact = memberFact(field);
      if (!fact) continue;
      const box = questionFor(Object.assign({}, fact, { name }));
      fields.insertBefore(box, field === "relation" ? fields.firstChild : null);
    }
  }

  function relabelForm() {
    for (const l of document.querySelectorAll("label[data-fact]")) {
      const fact = factByName(l.dataset.fact) || memberFact(l.dataset.fact.replace("member_", ""));
      if (fact) l.textContent = label(fact);
    }
    for (const control of document.querySelectorAll("[data-fact]")) {
      const fact = factByName(control.dataset.fact) || memberFact(control.dataset.fact.replace("member_", ""));
      if (!fact) continue;
      if (control.tagName === "SELECT") fillOptions(control, fact);
      else if (control.type === "number") control.placeholder = t().unsure;
    }
  }

  function applyLanguage() {
    document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
    for (const e of document.querySelectorAll("[data-zh]")) e.textContent = e.dataset[lang];
    $("lang").textContent = t().toggle;
    $("lang").setAttribute("aria-label", t().toggleLabel);
    document.title = document.querySelector("h1").textContent;
    if (vocabulary) relabelForm();
  }

  // ---- requests: every one names the page's language, so errors come back in it ----
  const withLang = (path) => path + (path.includes("?") ? "&" : "?") + "lang=" + lang;
  async function request(path, options) {
    const response = await fetch(withLang(path), options);
    $("table").textContent = response.headers.get("Policy-Table") || $("table").textContent;
    if (!response.ok) {
      let message = String(response.status);
      try {
        const e = (await response.json()).error;
        const field = e.field && !e.field.startsWith("(") ? factLabel(e.field) + colon() : "";
        message = field + e.message + (e.allowed ? " (" + e.allowed.join(", ") + ")" : "");
      } catch (_) { /* not JSON */ }
      throw new Error(message);
    }
    return response;
  }
  const post = (path, body) => request(path, {
    method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
  });

  // Autocomplete from /v1/regions: code, Chinese name or pinyin prefix.
  function autocomplete(inputId, listId) {
    const input = $(inputId);
    let timer = null;
    input.addEventListener("input", () => {
      clearTimeout(timer);
      const q = input.value.trim();
      if (!q) return;
      timer = setTimeout(async () => {
        try {
          const { regions } = await (await request("/v1/regions?limit=8&q=" + encodeURIComponent(q))).json();
          const list = $(listId);
          list.innerHTML = "";
          for (const r of regions) {
            const option = el("option");
            option.value = r.name;
            option.label = r.name + " " + r.pinyin + " " + r.code;
            list.appendChild(option);
          }
        } catch (_) { /* no suggestions */ }
      }, 150);
    });
  }

  // ---- the facts: from the form, and to and from the page's address ----
  function facts() {
    const form = $("facts");
    const f = {};
    for (const name of ["origin", "destination", "application_date"]) {
      const v = form.elements[name].value.trim();
      if (v) f[name] = v;
    }
    for (const fact of inputFacts()) {
      const v = form.elements[fact.name].value;
      if (v === "") continue;
      f[fact.name] = fact.boolean ? v === "true" : fact.number ? Number(v) : v;
    }
    if ($("family").checked) {
      const member = {};
      const relation = form.elements.member_relation && form.elements.member_relation.value;
      if (relation) member.relation = relation;
      const region = form.elements.member_region.value.trim();
      if (region) member.region = region;
      const insured = form.elements.member_insured && form.elements.member_insured.value;
      if (insured) member.insured = insured === "true";
      f.family_member = member;
    }
    return f;
  }

  // The address names each fact given, by its name (booleans true|false), and the language.
  function shareableQuery(f) {
    const q = new URLSearchParams();
    for (const [name, value] of Object.entries(f)) {
      if (name === "family_member") {
        if (value.relation) q.set("member_relation", value.relation);
        if (value.region) q.set("member_region", value.region);
        if (value.insured !== undefined) q.set("member_insured", String(value.insured));
      } else q.set(name, String(value));
    }
    if (lang === "en") q.set("lang", "en");
    return q;
  }

  function fillFromAddress() {
    const q = new URLSearchParams(location.search);
    const form = $("facts");
    let any = false;
    for (const [name, value] of q) {
      const control = form.elements[name];
      if (!control || name === "family") continue;
      control.value = value;
      any = true;
      if (name.startsWith("member_")) {
        $("family").checked = true;
        $("family-fields").hidden = false;
      }
      if (control.closest && control.closest("#more")) $("more").open = true;
    }
    return any && q.has("origin") && q.has("destination");
  }

  // ---- the answer ----
  function weekday(iso) {
    const [y, m, d] = iso.split("-").map(Number);
    return t().weekdays[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
  }
  const aside = (text) => (lang === "zh" ? `（${text}）` : ` (${text})`);
  const dated = (iso) => iso + aside(weekday(iso));

  function duration(d) {
    if (!d || typeof d !== "object") return null;
    return (d.approximate ? t().around + (lang === "zh" ? "" : " ") : "") + d.value + (lang === "zh" ? "" : " ") +
      (t().units[d.unit] || d.unit);
  }

  // A part's object in the full answer: top level, or inside its group; a grouped part with one
  // output is written flat there (its value under the part's name, the rest under NAME_basis).
  function partObject(answer, part, decision) {
    const group = vocabulary.answer.groups.find((g) => g.parts.includes(part));
    const holder = group ? answer[group.name] : answer;
    if (!holder) return null;
    const value = holder[part];
    if (value && typeof value === "object" && "missing_facts" in value) return value;
    if (holder[part + "_basis"]) return Object.assign({}, holder[part + "_basis"], { [decision.outputs[0].name]: value });
    return value === undefined ? null : value;
  }

  function partLabel(part, decision) {
    const l = vocabulary.answer.labels.find((x) => x.name === part);
    return l ? label(l.label) : label(decision);
  }

  // What one output says, in words: its value label, yes/no, a duration, a reason.
  function outputText(output, value, object) {
    if (output.type === "text") return lang === "en" ? object[output.name + "_en"] || value : value;
    if (value === null || value === undefined) return null;
    if (output.type === "tristate") return label(output) + colon() + (value ? t().yes : t().no);
    if (output.type === "duration") return duration(value);
    if (output.type === "count") return t().workingDays(value);
    const i = (output.values || []).indexOf(value);
    return output.labels && i >= 0 ? label(output.labels[i]) : String(value);
  }

  function confidenceLine(level) {
    const words = t().levels[level];
    if (!words) return null;
    const p = el("p", null, "confidence " + level);
    p.appendChild(el("strong", t().confidence + colon() + words[0]));
    p.appendChild(document.createTextNode(lang === "zh" ? "。" + words[1] : ". " + words[1]));
    return p;
  }

  function sourceItem(id, s) {
    const li = el("li");
    if (s.url) {
      const a = el("a", s.title);
      a.href = s.url;
      a.rel = "noopener noreferrer";
      li.appendChild(a);
    } else li.appendChild(el("span", s.title + " " + t().noLink));
    const about = [s.publisher && t().publisher + colon() + s.publisher, s.date && t().published + colon() + s.date]
      .filter(Boolean).join(" · ");
    const level = t().levels[s.confidence];
    li.appendChild(el("span", [about, level && level[0]].filter(Boolean).join(" · "), "meta"));
    li.appendChild(el("span", id, "source-id"));
    return li;
  }

  // The why: rule, region note, rules checked, facts still needed and sources, behind a control.
  function whyDetails(object, sources) {
    const details = el("details", null, "why");
    details.appendChild(el("summary", t().why));
    const by = object.decided_by;
    if (by) {
      details.appendChild(el("p", t().rule + colon() + by.rule + aside(by.region_name)));
      if (by.note) details.appendChild(el("p", label(by.note)));
    }
    if (object.checked_rules && object.checked_rules.length)
      details.appendChild(el("p", t().checked + colon() + object.checked_rules.join(", ")));
    if (object.missing_facts && object.missing_facts.length)
      details.appendChild(el("p", t().missingFacts + colon() + object.missing_facts.map(factLabel).join("、")));
    const list = el("ul", null, "sources");
    for (const id of object.sources || []) if (sources[id]) list.appendChild(sourceItem(id, sources[id]));
    if (list.children.length) details.appendChild(list);
    return details;
  }

  function card(title, object, lines, sources, heading = "h3") {
    const section = el("section", null, "card");
    section.appendChild(el(heading, title));
    for (const line of lines) if (line) section.appendChild(typeof line === "string" ? el("p", line) : line);
    if (object && object.note) section.appendChild(el("p", label(object.note), "note"));
    if (object && object.confidence) section.appendChild(confidenceLine(object.confidence));
    if (object) section.appendChild(whyDetails(object, sources));
    return section;
  }

  // The parts in the vocabulary's order, then each decision that is no published part.
  function parts() {
    const list = vocabulary.answer.parts.map((p) => ({ part: p.name, decision: p.decision }));
    for (const d of vocabulary.decisions) if (!vocabulary.answer.parts.some((p) => p.decision === d.name)) list.push({ part: d.name, decision: d.name });
    return list.map((p) => Object.assign(p, { spec: vocabulary.decisions.find((d) => d.name === p.decision) }));
  }

  const eligibleDecision = () => vocabulary.answer.eligible && vocabulary.answer.eligible.decision;
  const eligiblePart = () => (vocabulary.answer.parts.find((p) => p.decision === eligibleDecision()) || {}).name;

  function renderAnswer(answer, sources) {
    const box = $("answer");
    box.innerHTML = "";
    const summary = el("section", null, "card summary");
    summary.appendChild(el("h3", t().moving + colon() + answer.origin.name + " → " + answer.destination.name));
    summary.appendChild(el("p", t().date + colon() + dated(answer.application_date)));
    const transfer = answer[eligiblePart()];
    const scopeFact = factByName("scope");
    if (transfer && transfer.scope && scopeFact) summary.appendChild(el("p", t().scope + colon() + valueLabel(scopeFact, transfer.scope)));
    box.appendChild(summary);
    const groupsShown = {};
    for (const { part, decision, spec } of parts()) {
      const object = partObject(answer, part, spec);
      if (object === null || object === undefined) continue;
      const lines = [];
      if (decision === eligibleDecision()) lines.push($("headline").textContent);
      if (decision === eligibleDecision() && object.blockers && object.blockers.length) {
        lines.push(t().reasons);
        const ul = el("ul");
        for (const b of object.blockers) ul.appendChild(el("li", lang === "en" ? b.message_en : b.message));
        lines.push(ul);
      } else if (decision !== eligibleDecision()) {
        for (const output of spec.outputs) {
          const field = (vocabulary.answer.fields.find((f) => f.decision === decision && f.output === output.name) || {}).name;
          const value = field && field in object ? object[field] : object[output.name];
          lines.push(outputText(output, value, object));
        }
        if (object.due) lines.push(`${t().by} ${dated(object.due)}${object.due_provisional ? t().provisional : ""}`);
        if (lines.every((l) => !l) && !object.note) lines.push(t().undetermined);
      }
      const group = vocabulary.answer.groups.find((g) => g.parts.includes(part));
      let target = box;
      if (group) {
        if (!groupsShown[group.name]) {
          const g = el("section", null, "group");
          g.appendChild(el("h3", partLabel(group.name, {}), "group-title"));
          box.appendChild(g);
          groupsShown[group.name] = g;
        }
        target = groupsShown[group.name];
      }
      target.appendChild(card(partLabel(part, spec), object, lines, sources, group ? "h4" : "h3"));
    }
  }

  // Headline from the answer's data: decided, blocked, not a transfer at all (every blocker is one
  // the vocabulary's voids name: nothing moves), still needing facts, or no rule in this library.
  function renderHeadline(answer) {
    const transfer = answer[eligiblePart()] || {};
    const headline = $("headline"), detail = $("headline-detail");
    detail.innerHTML = "";
    const voiding = vocabulary.answer.voids.filter((v) => v.when.decision === eligibleDecision() && v.when.value);
    let text, cls;
    const blockers = transfer.blockers || [];
    if (transfer.eligible === true) { text = t().can; cls = "yes"; }
    else if (transfer.eligible === false && blockers.length && blockers.every((b) => voiding.some((v) => v.when.value === b.code))) {
      text = t().notNeeded; cls = "info";
      for (const b of blockers) detail.appendChild(el("p", lang === "en" ? b.message_en : b.message));
    } else if (transfer.eligible === false) {
      text = t().cannot; cls = "no";
      for (const b of blockers) detail.appendChild(el("p", lang === "en" ? b.message_en : b.message));
      if (transfer.note) detail.appendChild(el("p", label(transfer.note)));
    } else if ((transfer.missing_facts || []).length) {
      text = t().needMore; cls = "unsure";
      const ul = el("ul");
      for (const name of transfer.missing_facts) ul.appendChild(changeItem(factLabel(name), name, t().answer));
      detail.appendChild(ul);
    } else {
      text = t().notRecorded; cls = "unknown";
      if (transfer.note) detail.appendChild(el("p", label(transfer.note)));
    }
    headline.textContent = text;
    $("headline-box").className = cls;
  }

  // A line naming a question with a button that takes the person to it.
  function changeItem(text, name, action) {
    const li = el("li", text + " ");
    const button = el("button", action, "link");
    button.type = "button";
    button.addEventListener("click", () => {
      const control = $(name);
      if (!control) return;
      if (control.closest("#more")) $("more").open = true;
      control.focus();
    });
    li.appendChild(button);
    return li;
  }

  // Every default the answer assumed: each question left at "not sure" that has one.
  function renderAssumptions(f, answer) {
    const list = $("assumption-list");
    list.innerHTML = "";
    if (!f.application_date) list.appendChild(changeItem(t().noDate + aside(dated(answer.application_date)), "application_date", t().change));
    for (const fact of inputFacts()) {
      if (fact.default === undefined || fact.name in f) continue;
      list.appendChild(changeItem(t().unanswered(label(fact), valueLabel(fact, fact.default)), fact.name, t().change));
    }
    $("assumptions").hidden = !list.children.length;
  }

  // What to do, when: apply on the application date, then each step by its due date.
  function renderSteps(answer) {
    const list = $("step-list");
    list.innerHTML = "";
    const transfer = answer[eligiblePart()] || {};
    const steps = vocabulary.answer.steps.map((d) => parts().find((p) => p.decision === d)).filter(Boolean);
    const dues = steps.map((s) => ({ s, object: partObject(answer, s.part, s.spec) })).filter((x) => x.object && x.object.due);
    if (transfer.eligible === false || !dues.length) { $("steps").hidden = true; return; }
    list.appendChild(el("li", t().apply + colon() + dated(answer.application_date)));
    for (const { s, object } of dues)
      list.appendChild(el("li", partLabel(s.part, s.spec) + colon() + t().by + " " + dated(object.due) + (object.due_provisional ? t().provisional : "")));
    // The money's arrival: the answer gives a duration, not a date, so it is said as one.
    const arrival = parts().find((p) => p.spec.outputs.length === 1 && p.spec.outputs[0].type === "duration" && vocabulary.answer.groups.some((g) => g.parts.includes(p.part)));
    const object = arrival && partObject(answer, arrival.part, arrival.spec);
    const words = object && duration(object[arrival.spec.outputs[0].name]);
    if (words) list.appendChild(el("li", partLabel(arrival.part, arrival.spec) + colon() + words));
    $("steps").hidden = false;
  }

  // Publisher and date of each source cited, from /v1/sources/{id}; the answer gives title and url.
  const sourceCache = {};
  async function sourceDetails(answer) {
    const all = {};
    await Promise.all(Object.entries(answer.sources || {}).map(async ([id, s]) => {
      const key = answer.table + " " + id;
      if (!sourceCache[key]) {
        try { sourceCache[key] = await (await request("/v1/sources/" + encodeURIComponent(id))).json(); }
        catch (_) { sourceCache[key] = {}; }
      }
      all[id] = Object.assign({}, s, sourceCache[key]);
    }));
    return all;
  }

  function renderSources(sources) {
    const list = $("source-list");
    list.innerHTML = "";
    // The strongest first: official documents, then state media, third-party pages, web articles.
    const rank = (id) => Object.keys(t().levels).indexOf(sources[id].confidence);
    const ids = Object.keys(sources).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1));
    for (const id of ids) list.appendChild(sourceItem(id, sources[id]));
    $("sources").hidden = !list.children.length;
  }

  function showError(error) {
    $("error").textContent = t().failed + error.message;
    $("error").hidden = false;
  }

  let lastFacts = null;
  async function ask(event) {
    if (event) event.preventDefault();
    $("error").hidden = true;
    const f = facts();
    if (!f.origin || !f.destination) { showError(new Error(t().missing)); return; }
    history.replaceState(null, "", "/?" + shareableQuery(f).toString());
    try {
      const answer = await (await post("/v1/answer", f)).json();
      const sources = await sourceDetails(answer);
      renderHeadline(answer);
      renderAssumptions(f, answer);
      renderSteps(answer);
      renderAnswer(answer, sources);
      renderSources(sources);
      lastFacts = f;
      $("explanation").hidden = true;
      $("result").hidden = false;
      $("headline").focus();
    } catch (error) {
      $("result").hidden = true;
      showError(error);
    }
  }

  async function whyNot() {
    if (!lastFacts) return;
    try {
      $("explanation").textContent = await (await post("/v1/explain?format=text", lastFacts)).text();
      $("explanation").hidden = false;
    } catch (error) {
      showError(error);
    }
  }

  $("lang").addEventListener("click", () => {
    lang = lang === "zh" ? "en" : "zh";
    applyLanguage();
    if (lastFacts && !$("result").hidden) ask();
  });
  $("family").addEventListener("change", () => { $("family-fields").hidden = !$("family").checked; });
  $("facts").addEventListener("submit", ask);
  $("whynot").addEventListener("click", whyNot);
  $("print").addEventListener("click", () => window.print());
  autocomplete("origin", "origin-list");
  autocomplete("destination", "destination-list");
  autocomplete("member_region", "member-list");
  applyLanguage();
  $("ask").disabled = true;
  (async () => {
    try {
      vocabulary = await (await request("/v1/vocabulary")).json();
      buildForm();
      applyLanguage();
      $("ask").disabled = false;
      document.body.dataset.ready = "true";
      if (fillFromAddress()) ask();
    } catch (error) {
      showError(error);
    }
  })();
})();
