#!/usr/bin/env python3
"""The page in a real browser: starts `policyc serve`, fills the form in headless Chromium
(Debian's chromium and chromium-driver, driven by selenium) for three cases, checks the
rendered answer text, and saves a screenshot of each under .ci/artifacts/.

    python3 scripts/browser_test.py --policyc .build/debug/policyc
"""
import argparse
import os
import sys

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

sys.path.insert(0, os.path.dirname(__file__))
from serve_helper import Server  # noqa: E402

ARTIFACTS = os.path.join(os.path.dirname(__file__), "..", ".ci", "artifacts")


def browser():
    options = webdriver.ChromeOptions()
    for arg in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=412,900"]:
        options.add_argument(arg)
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    return webdriver.Chrome(service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")), options=options)


def screenshot(driver, name):
    """The whole page at phone width: the window grows to the page's height first."""
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(412, min(height + 120, 8000))
    driver.save_screenshot(os.path.join(ARTIFACTS, name))
    driver.set_window_size(412, 900)


def choose(driver, field, value):
    Select(driver.find_element(By.ID, field)).select_by_value(value)


def type_region(driver, field, text):
    box = driver.find_element(By.ID, field)
    box.clear()
    box.send_keys(text)


def ask(driver, url, fill):
    driver.get(url + "/")
    fill(driver)
    # By keyboard: the submit button is reached with Tab and pressed with Enter.
    driver.find_element(By.ID, "ask").send_keys(Keys.ENTER)
    wait = WebDriverWait(driver, 20)
    wait.until(lambda d: d.find_element(By.ID, "result").is_displayed() or d.find_element(By.ID, "error").is_displayed())
    if driver.find_element(By.ID, "error").is_displayed():
        raise AssertionError("the page showed an error: " + driver.find_element(By.ID, "error").text)
    return driver.find_element(By.ID, "headline").text, driver.find_element(By.ID, "answer").text


def expect(condition, message):
    if not condition:
        raise AssertionError(message)
    print("ok:", message)


def nanjing_shanghai(d):
    type_region(d, "origin", "南京")
    type_region(d, "destination", "上海")
    choose(d, "insurance_type", "employee")
    choose(d, "origin_stopped", "true")
    choose(d, "destination_enrolled", "true")
    d.execute_script("document.getElementById('application_date').value = '2025-09-26'")


def blocked(d):
    type_region(d, "origin", "南京")
    type_region(d, "destination", "上海")
    choose(d, "insurance_type", "employee")
    choose(d, "origin_stopped", "false")
    choose(d, "destination_enrolled", "true")
    d.execute_script("document.getElementById('application_date').value = '2025-09-26'")


def family(d):
    type_region(d, "origin", "石家庄")
    type_region(d, "destination", "石家庄")
    choose(d, "insurance_type", "employee")
    d.execute_script("document.getElementById('application_date').value = '2025-09-01'")
    d.find_element(By.ID, "family").click()
    choose(d, "relation", "sibling")
    type_region(d, "member_region", "北京")
    choose(d, "member_insured", "true")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--policyc", default=".build/debug/policyc")
    parser.add_argument("--policies", default="policies")
    args = parser.parse_args()
    os.makedirs(ARTIFACTS, exist_ok=True)
    with Server(args.policyc, ["--policies", args.policies, "--reload-interval", "0"]) as url:
        driver = browser()
        try:
            headline, answer = ask(driver, url, nanjing_shanghai)
            screenshot(driver, "browser-nanjing-shanghai.png")
            expect(headline == "可以办理转移", f"南京 -> 上海: the headline says the transfer can be made ({headline})")
            expect("南京市 → 上海市" in answer, "南京 -> 上海: the answer names both cities")
            expect("个人账户余额" in answer and "办理时限" in answer, "南京 -> 上海: balance and timing sections shown")
            expect("最迟 2025-" in answer, "南京 -> 上海: each deadline shown as a date")

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
        finally:
            driver.quit()
    print("browser test passed; screenshots in .ci/artifacts/")


if __name__ == "__main__":
    main()
