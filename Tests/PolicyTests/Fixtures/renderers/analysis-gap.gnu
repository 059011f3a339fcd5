<policies>/cities/nanjing.yaml:11:5-16.21: warning: funds_arrival: the chain of 南京市 leaves some applicants without an answer [W0501]
<policies>/cities/nanjing.yaml:11:5: note: applicants concerned: insurance_type in [resident]
<policies>/cities/nanjing.yaml:11:5: note: dates: all dates
<policies>/cities/nanjing.yaml:11:5: note: help: add a rule such as:
<policies>/cities/nanjing.yaml:11:5: note:       - id: TODO.funds_arrival
<policies>/cities/nanjing.yaml:11:5: note:         decision: funds_arrival
<policies>/cities/nanjing.yaml:11:5: note:         when: {insurance_type: resident}
<policies>/cities/nanjing.yaml:11:5: note:         then: {funds_arrival: TODO}
<policies>/cities/nanjing.yaml:11:5: note:         sources: [TODO]
<policies>/cities/nanjing.yaml:11:5: note: witness: {"origin": "320100", "destination": "320100", "insurance_type": "resident", "employment": "employer", "origin_stopped": true, "destination_enrolled": true, "duplicate_enrollment": false, "retired": false, "resettled_retiree": false, "requests_bank_payout": false, "destination_connected": true, "account_status": "normal", "application_date": "2025-01-02"}
<policies>/national.yaml:39:5-46.20: warning: rule 'n.family.cross' can never decide: no applicant it would decide can occur on the dates it is in force (no region has the states, or the places, its conditions need) [W0403]
<policies>/national.yaml:39:5: note: help: check its conditions against the regions' dated states and places, or remove the rule
