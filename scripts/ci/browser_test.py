#!/usr/bin/env python3
"""The page in a real browser: starts `policyc serve`, fills the form in headless Chromium
(Debian's chromium and chromium-driver, driven by selenium) for several cases, checks the
rendered answer text, runs axe-core (PyPI axe-selenium-python) on the empty form and on an
answer at 1280 and 375 px (any serious or critical violation fails), and saves screenshots
under .ci/artifacts/.

    python3 scripts/ci/browser_test.py --policyc .build/debug/policyc
"""
import argparse
import os
import sys
from urllib.parse import urlencode

from axe_selenium_python import Axe

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

sys.path.insert(0, os.path.dirname(__file__))
from serve_helper import Server  # noqa: E402

ARTIFACTS = os.path.join(os.path.dirname(__file__), "..", "..", ".ci", "artifacts")


def browser():
    options = webdriver.ChromeOptions()
    for arg in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=412,900"]:
        options.add_argument(arg)
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    return webdriver.Chrome(service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")), options=options)


def screenshot(driver, name, width=412):
    """The whole page at `width`: the window grows to the page's height first."""
    driver.set_window_size(width, 900)
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(width, min(height + 120, 8000))
    driver.save_screenshot(os.path.join(ARTIFACTS, name))
    driver.set_window_size(412, 900)


def accessible(driver, what):
    """axe-core on the page as it stands, at 1280 and at 375 px: no serious or critical violation;
    a screenshot of each width is kept."""
    for width in (1280, 375):
        driver.set_window_size(width, 900)
        axe = Axe(driver)
        axe.inject()
        results = axe.run()
        bad = [v for v in results["violations"] if v.get("impact") in ("serious", "critical")]
        if bad:
            raise AssertionError(f"axe at {width} px on {what}:\n" + axe.report(bad))
        # The page fits a phone: nothing wider than the window.
        overflow = driver.execute_script("return document.documentElement.scrollWidth > window.innerWidth")
        expect(not overflow, f"{what} at {width} px: no sideways scrolling")
        print(f"ok: axe at {width} px on {what}: no serious or critical violation")
        screenshot(driver, f"browser-{what}-{width}.png", width)


def wait_ready(driver):
    WebDriverWait(driver, 20).until(lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "true")


def wait_answer(driver):
    wait = WebDriverWait(driver, 20)
    wait.until(lambda d: d.find_element(By.ID, "result").is_displayed() or d.find_element(By.ID, "error").is_displayed())


def choose(driver, field, value):
    Select(driver.find_element(By.ID, field)).select_by_value(value)


def type_region(driver, field, text):
    box = driver.find_element(By.ID, field)
    box.clear()
    box.send_keys(text)


def ask(driver, url, fill):
    driver.get(url + "/")
    wait_ready(driver)
    fill(driver)
    # By keyboard: the submit button is reached with Tab and pressed with Enter.
    driver.find_element(By.ID, "ask").send_keys(Keys.ENTER)
    wait_answer(driver)
    if driver.find_element(By.ID, "error").is_displayed():
        raise AssertionError("the page showed an error: " + driver.find_element(By.ID, "error").text)
    return driver.find_element(By.ID, "headline").text, driver.find_element(By.ID, "answer").text


def expect(condition, message):
    if not condition:
        raise AssertionError(message)
    print("ok:", message)


def nanjing_shanghai(d, origin_stopped="true"):
    type_region(d, "origin", "南京")
    type_region(d, "destination", "上海")
    choose(d, "insurance_type", "employee")
    choose(d, "origin_stopped", origin_stopped)
    choose(d, "destination_enrolled", "true")
    d.execute_script("document.getElementById('application_date').value = '2025-09-26'")


def blocked(d):
    """The same move with insurance not yet stopped at the origin: a blocker."""
    nanjing_shanghai(d, origin_stopped="false")


def family(d):
    type_region(d, "origin", "石家庄")
    type_region(d, "destination", "石家庄")
    choose(d, "insurance_type", "employee")
    d.execute_script("document.getElementById('application_date').value = '2025-09-01'")
    d.find_element(By.ID, "family").click()
    choose(d, "member_relation", "sibling")
    type_region(d, "member_region", "北京")
    choose(d, "member_insured", "true")


def visible_text(driver):
    return driver.find_element(By.ID, "result").text


def open_link(driver, url, **facts):
    """The shareable link: the form fills itself from the address and answers at once."""
    driver.get(url + "/?" + urlencode(facts))
    wait_ready(driver)
    wait_answer(driver)
    error = driver.find_element(By.ID, "error")
    return driver.find_element(By.ID, "headline").text if not error.is_displayed() else None, error


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--policyc", default=".build/debug/policyc")
    parser.add_argument("--policies", default="policies")
    args = parser.parse_args()
    os.makedirs(ARTIFACTS, exist_ok=True)
    with Server(args.policyc, ["--policies", args.policies, "--reload-interval", "0"]) as url:
        driver = browser()
        try:
            driver.get(url + "/")
            wait_ready(driver)
            expect(driver.find_elements(By.CSS_SELECTOR, "link[rel=icon]"), "the page has a favicon")
            for fact in ["resident_enrolled_in_period", "resident_break_years", "contribution_gap_months", "retired"]:
                expect(driver.find_elements(By.ID, fact), f"the form asks for {fact} (built from the vocabulary)")
            expect("在居民医保集中参保期内参保" in driver.find_element(By.ID, "facts").get_attribute("textContent"),
                   "questions are worded with the vocabulary's labels")
            accessible(driver, "empty-form")

            headline, answer = ask(driver, url, nanjing_shanghai)
            screenshot(driver, "browser-nanjing-shanghai.png")
            accessible(driver, "answer")
            expect(headline == "可以办理转移", f"南京 -> 上海: the headline says the transfer can be made ({headline})")
            expect("南京市 → 上海市" in answer, "南京 -> 上海: the answer names both cities")
            expect("个人账户余额" in answer and "办理时限" in answer, "南京 -> 上海: balance and timing sections shown")
            expect("最迟 2025-" in answer, "南京 -> 上海: each deadline shown as a date")
            page = visible_text(driver)
            steps = driver.find_element(By.ID, "step-list").text
            expect("2025-09-26（周五）" in steps and "最迟 2025-10-16（周四）" in steps and "最迟 2025-10-23（周四）" in steps,
                   f"南京 -> 上海: the checklist gives each date with its weekday ({steps!r})")
            expect("余额到账：约30个工作日（具体日期以经办机构为准）" in steps,
                   f"南京 -> 上海: the funds' arrival is said as the duration the answer gives ({steps!r})")
            expect("你未回答「已退休」，按「否」计算" in page, "南京 -> 上海: the assumed defaults are listed")
            for dev in ["national.", "[official]", "[seed]", "种子文章", "SEED0", "O-43", "destination_enrolled"]:
                expect(dev not in page, f"南京 -> 上海: the default view shows no {dev!r}")
            expect("官方文件" in page and "网络文章" in page, "南京 -> 上海: confidence in words")
            links = driver.find_elements(By.CSS_SELECTOR, "#source-list a[href^='http']")
            expect(len(links) >= 3, "南京 -> 上海: the sources are links")
            expect("国家医保局" in driver.find_element(By.ID, "source-list").text, "南京 -> 上海: a source's publisher shown")
            why = driver.find_element(By.CSS_SELECTOR, "#answer details.why summary")
            why.send_keys(Keys.ENTER)
            expect("national." in visible_text(driver), "为什么 / 依据 opened by keyboard shows the rule ids")
            expect("application_date=2025-09-26" in driver.current_url and "origin_stopped=true" in driver.current_url,
                   f"the address names the facts asked ({driver.current_url})")

            # Why not: the explanation, from /v1/explain, on request.
            driver.find_element(By.ID, "whynot").send_keys(Keys.ENTER)
            WebDriverWait(driver, 20).until(EC.visibility_of_element_located((By.ID, "explanation")))
            expect(len(driver.find_element(By.ID, "explanation").text) > 50, "why-not explanation shown")

            # English, then back.
            driver.find_element(By.ID, "lang").send_keys(Keys.ENTER)
            WebDriverWait(driver, 20).until(
                lambda d: d.find_element(By.ID, "headline").text == "You can transfer")
            expect("Moving medical insurance" in driver.find_element(By.ID, "answer").text, "the English answer")
            screenshot(driver, "browser-nanjing-shanghai-en.png")

            headline, answer = ask(driver, url, blocked)
            screenshot(driver, "browser-blocked.png")
            expect(headline == "暂不能办理转移", f"blocked: the headline says not yet ({headline})")
            expect("暂不能办理，原因" in answer, "blocked: the reason is listed")

            headline, answer = ask(driver, url, family)
            screenshot(driver, "browser-family.png")
            expect("家庭共济" in answer, "family sharing: the family-sharing section is shown")
            expect(headline == "无需办理转移", f"one pooling area: not a red refusal ({headline})")

            base = dict(origin="南京", destination="上海", insurance_type="employee", application_date="2025-09-26")
            headline, _ = open_link(driver, url, **base, origin_stopped="true", destination_enrolled="true")
            expect(headline == "可以办理转移", f"a shared link answers at once ({headline})")
            expect(driver.find_element(By.ID, "origin").get_attribute("value") == "南京"
                   and Select(driver.find_element(By.ID, "origin_stopped")).first_selected_option.get_attribute("value") == "true",
                   "a shared link fills the form")

            headline, _ = open_link(driver, url, **base, origin_stopped="true", destination_enrolled="true", retired="true")
            screenshot(driver, "browser-retiree.png")
            expect(headline == "本库未收录，请咨询经办机构", f"a retiree who is not resettled: not recorded here ({headline})")

            headline, _ = open_link(driver, url, **base, origin_stopped="true")
            detail = driver.find_element(By.ID, "headline-detail").text
            expect(headline.startswith("还不能确定") and "转入地已参保" in detail,
                   f"a missing fact: asked for by its label ({headline} / {detail})")

            headline, _ = open_link(driver, url, **dict(base, insurance_type="resident"), origin_stopped="true",
                                    destination_enrolled="true", resident_enrolled_in_period="true", resident_break_years="0")
            expect(headline is not None, "the resident facts can be given by the link")

            headline, _ = open_link(driver, url, **base, origin_stopped="true", destination_enrolled="true", lang="en")
            expect(headline == "You can transfer", f"lang=en in the link gives the English page ({headline})")
            headline, error = open_link(driver, url, origin="nowhere-at-all", destination="上海", lang="en")
            # The server's message in English (it quotes Chinese examples of a name: 南京).
            expect(error.is_displayed() and error.text.startswith("The request failed")
                   and "unknown region" in error.text and "(origin)" in error.text,
                   f"an error on the English page is in English ({error.text})")
        finally:
            driver.quit()
    print("browser test passed; screenshots in .ci/artifacts/")


if __name__ == "__main__":
    main()
