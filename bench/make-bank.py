# Builds a differently-worded content bank from gencorpus' own (--dump-bank) to check that the engine
# generalises: new boilerplate, reordered clauses, other social groups per opinion, a quarter of the
# opinions dropped. Usage: python3 bench/make-bank.py bank.json out.json
import json, random, sys
random.seed(42)
b = json.load(open(sys.argv[1], encoding='utf-8'))
keys_needed = {k[0] for k in b['campaign_kinds']}
ops = []
for o in b['opinions']:
    if o.get('key') in keys_needed or o['section'] == '' or random.random() > 0.25:
        ops.append(o)
def reword(t):
    # rotate the clauses of a template: same words, different order and joins
    end = t[-1] if t and t[-1] in '.!?' else ''
    body = t[:-1] if end else t
    parts = [p for p in body.split(', ') if p]
    if len(parts) >= 2 and '.' not in body and ';' not in body:
        parts = parts[1:] + parts[:1]
        body = ', '.join(parts)
    t = body + end
    for a, c in [('cần phải', 'rất nên'), ('Cần ', 'Nên '), ('đề nghị', 'mong muốn'), ('Đề nghị', 'Mong muốn'),
                 ('nâng cao', 'cải thiện'), ('tăng cường', 'đẩy mạnh hơn'), ('người dân', 'bà con'), ('hiện nay', 'lúc này')]:
        t = t.replace(a, c)
    return t[0].upper() + t[1:] if t else t
all_groups = [g for o in ops for g in o['groups']]
for o in ops:
    o['templates'] = [reword(t) for t in o['templates']]
    o['groups'] = random.sample(sorted(set(all_groups)), k=max(1, len(o['groups'])))
b['opinions'] = ops
b['prefixes'] = ['Xin gửi Ban soạn thảo văn kiện.', 'Kính thưa các đồng chí.', 'Sau khi đọc kỹ dự thảo, tôi có ý kiến:', 'Góp ý của tôi như sau:', 'Thưa Ban biên tập,']
b['suffixes'] = ['Xin chân thành cảm ơn.', 'Chúc Ban soạn thảo sức khỏe.', 'Mong ý kiến được ghi nhận.', 'Tôi xin hết.']
b['hedges'] = ['Theo suy nghĩ của tôi, ', 'Tôi nhận thấy ', 'Thẳng thắn mà nói, ', 'Ở {XA}, ', 'Như tôi được biết, ']
b['campaign_closings'] = ['Đề nghị các cấp xem xét nguyện vọng chính đáng trên.', 'Tập thể chúng tôi trân trọng đề nghị.']
json.dump(b, open(sys.argv[2], 'w', encoding='utf-8'), ensure_ascii=False, indent=1)
print(len(ops), 'opinions')
