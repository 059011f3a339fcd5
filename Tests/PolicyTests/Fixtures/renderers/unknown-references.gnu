<policies>/cities/nanjing.yaml:5:15-5.29: error: unknown decision 'balance_handlng' [E0208]
<policies>/cities/nanjing.yaml:5:15: note: help: did you mean 'balance_handling'?
<policies>/cities/nanjing.yaml:11:12-11.24: error: unknown fact 'insurance_typ' [E0201]
<policies>/cities/nanjing.yaml:11:12: note: help: did you mean 'insurance_type'?
<policies>/cities/nanjing.yaml:11:50-11.51: error: unknown region '福州' [E0202]
<policies>/cities/nanjing.yaml:11:50: note: help: did you mean '苏州'?
<policies>/cities/nanjing.yaml:13:15-13.19: error: unknown source 'S-SED' [E0203]
<policies>/cities/nanjing.yaml:13:15: note: help: did you mean 'S-SEED'?
<policies>/cities/nanjing.yaml:14:9-14.14: error: rule 'nj.out' cites no source [E0205]
<policies>/cities/nanjing.yaml:14:9: note: help: add sources: [ID] with an id from sources.yaml; every fact must be traceable
<policies>/cities/nanjing.yaml:22:17-22.21: error: rule 'nj.in' overrides unknown rule 'n.inn' [E0204]
<policies>/cities/nanjing.yaml:22:17: note: help: did you mean 'n.in'?
<policies>/cities/nanjing.yaml:23:5-28.23: error: rule 'nj.out.outside' (320100) overrides 'fj.out' (350000), which never applies where it does [E0210]
<policies>/provinces/fujian.yaml:3:5: note: 'fj.out' is here
<policies>/cities/nanjing.yaml:23:5: note: help: override a rule of the same region, its province or the national baseline
<policies>/cities/nanjing.yaml:33:17-33.20: error: rule 'nj.funds.other-decision' (funds_arrival) overrides 'n.in', which decides transfer_in_time [E0204]
<policies>/national.yaml:23:5: note: 'n.in' is here
<policies>/cities/nanjing.yaml:33:17: note: help: a rule can only override a rule of the same decision
<policies>/cities/nanjing.yaml:34:5-37.21: error: rule id 'nj.in' is used twice [E0206]
<policies>/cities/nanjing.yaml:18:5: note: first used here
<policies>/cities/nanjing.yaml:34:5: note: help: rule ids must be unique
