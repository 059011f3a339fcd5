// The page's behaviour: plain JavaScript, no build step, no network beyond this server.
"use strict";
(function () {
  let lang = "zh";
  const $ = (id) => document.getElementById(id);
  const ui = {
    zh: { unsure: "不清楚", yes: "是", no: "否", can: "可以办理转移", cannot: "暂不能办理转移", unknown: "还不能确定，请补充情况",
          toggle: "English", toggleLabel: "Switch to English", failed: "查询失败：", missing: "请填写转出地和转入地。" },
    en: { unsure: "Not sure", yes: "Yes", no: "No", can: "You can transfer", cannot: "You cannot transfer yet", unknown: "Not decided yet: tell us more",
          toggle: "中文", toggleLabel: "切换到中文", failed: "The request failed: ", missing: "Give where you are insured now and where you are moving." },
  };

  // Yes / no questions have a third answer, "not sure": the fact is then left out and the
  // answer says which facts it still needs.
  function fillBooleans() {
    for (const select of document.querySelectorAll("select[data-kind=bool]")) {
      const chosen = select.value;
      select.innerHTML = "";
      for (const [value, text] of [["", ui[lang].unsure], ["true", ui[lang].yes], ["false", ui[lang].no]]) {
        const option = document.createElement("option");
        option.value = value;
        option.textContent = text;
        select.appendChild(option);
      }
      select.value = chosen;
    }
  }

  function applyLanguage() {
    document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
    for (const el of document.querySelectorAll("[data-zh]")) el.textContent = el.dataset[lang];
    $("lang").textContent = ui[lang].toggle;
    $("lang").setAttribute("aria-label", ui[lang].toggleLabel);
    document.title = document.querySelector("h1").textContent;
    fillBooleans();
  }

  // Autocomplete from /v1/regions: code, Chinese name or pinyin prefix.
  function autocomplete(inputId, listId) {
    const input = $(inputId);
    let timer = null;
    input.addEventListener("input", () => {
      clearTimeout(timer);
      const q = input.value.trim();
      if (!q) return;
      timer = setTimeout(async () => {
        const response = await fetch("/v1/regions?limit=8&q=" + encodeURIComponent(q));
        if (!response.ok) return;
        const { regions } = await response.json();
        const list = $(listId);
        list.innerHTML = "";
        for (const r of regions) {
          const option = document.createElement("option");
          option.value = r.name;
          option.label = r.name + " " + r.pinyin + " " + r.code;
          list.appendChild(option);
        }
      }, 150);
    });
  }

  function facts() {
    const form = $("facts");
    const f = {};
    for (const name of ["origin", "destination"]) {
      const v = form.elements[name].value.trim();
      if (v) f[name] = v;
    }
    for (const name of ["insurance_type", "employment", "account_status"]) f[name] = form.elements[name].value;
    for (const select of form.querySelectorAll("select[data-kind=bool]")) {
      if (select.name === "member_insured") continue;
      if (select.value) f[select.name] = select.value === "true";
    }
    const gap = form.elements.contribution_gap_months.value;
    if (gap !== "") f.contribution_gap_months = Number(gap);
    const date = form.elements.application_date.value;
    if (date) f.application_date = date;
    if ($("family").checked) {
      const member = { relation: form.elements.relation.value };
      const region = form.elements.member_region.value.trim();
      if (region) member.region = region;
      const insured = form.elements.member_insured.value;
      if (insured) member.insured = insured === "true";
      f.family_member = member;
    }
    return f;
  }

  async function post(path, body) {
    const response = await fetch(path, {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
    });
    $("table").textContent = response.headers.get("Policy-Table") || "-";
    if (!response.ok) {
      let message = response.status + "";
      try {
        const e = (await response.json()).error;
        message = e.field + ": " + e.message + (e.allowed ? " (" + e.allowed.join(", ") + ")" : "");
      } catch (_) { /* not JSON */ }
      throw new Error(message);
    }
    return response;
  }

  function showError(error) {
    $("error").textContent = ui[lang].failed + error.message;
    $("error").hidden = false;
  }

  // The text answer's sections (【...】 in Chinese, [...] in English) become cards.
  function render(text) {
    const answer = $("answer");
    answer.innerHTML = "";
    let card = null;
    for (const line of text.split("\n")) {
      if (/^(【|\[)/.test(line)) {
        card = document.createElement("section");
        card.className = "card";
        const h = document.createElement("h3");
        h.textContent = line.replace(/^【|】$|^\[|\]$/g, "");
        card.appendChild(h);
        answer.appendChild(card);
      } else if (line.trim()) {
        const p = document.createElement("p");
        p.textContent = line.trim();
        if (/^(依据|来源|缺少事实|Decided by|Source|Missing facts)/.test(line.trim())) p.className = "basis";
        (card || answer).appendChild(p);
      }
    }
  }

  let lastFacts = null;
  async function ask(event) {
    event.preventDefault();
    $("error").hidden = true;
    const f = facts();
    if (!f.origin || !f.destination) { showError(new Error(ui[lang].missing)); return; }
    try {
      const json = await (await post("/v1/answer", f)).json();
      const text = await (await post("/v1/answer?format=text&lang=" + lang, f)).text();
      const eligible = json.transfer && json.transfer.eligible;
      const headline = $("headline");
      headline.textContent = eligible === true ? ui[lang].can : eligible === false ? ui[lang].cannot : ui[lang].unknown;
      headline.className = eligible === true ? "yes" : eligible === false ? "no" : "unsure";
      render(text);
      lastFacts = f;
      $("explanation").hidden = true;
      $("result").hidden = false;
      headline.tabIndex = -1;
      headline.focus();
    } catch (error) {
      $("result").hidden = true;
      showError(error);
    }
  }

  async function whyNot() {
    if (!lastFacts) return;
    try {
      const text = await (await post("/v1/explain?format=text&lang=" + lang, lastFacts)).text();
      $("explanation").textContent = text;
      $("explanation").hidden = false;
    } catch (error) {
      showError(error);
    }
  }

  $("lang").addEventListener("click", () => {
    lang = lang === "zh" ? "en" : "zh";
    applyLanguage();
    if (lastFacts && !$("result").hidden) $("ask").click();
  });
  $("family").addEventListener("change", () => { $("family-fields").hidden = !$("family").checked; });
  $("facts").addEventListener("submit", ask);
  $("whynot").addEventListener("click", whyNot);
  autocomplete("origin", "origin-list");
  autocomplete("destination", "destination-list");
  autocomplete("member_region", "member-list");
  if (new URLSearchParams(location.search).get("lang") === "en") lang = "en";
  applyLanguage();
})();
