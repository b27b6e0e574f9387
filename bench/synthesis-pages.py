#!/usr/bin/env python3
"""Times the synthesis workspace pages of one consultation as a logged-in staff member.

    bench/synthesis-pages.py --url http://127.0.0.1:5080 --consultation 1 --password PW [--repeat 5]
    bench/synthesis-pages.py ... --enqueue full|fold     (queues a job through the web form, prints the progress JSON)
    bench/synthesis-pages.py ... --progress              (prints the job's status, stage and progress as JSON)

Standard library only. Prints one line per page: median, p95 and max milliseconds, response size.
"""
import argparse, html, http.cookiejar, json, re, statistics, sys, time, urllib.parse, urllib.request

def opener():
    jar = http.cookiejar.CookieJar()
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))

def token(page):
    m = re.search(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"', page) or \
        re.search(r'value="([^"]+)"[^>]*name="__RequestVerificationToken"', page)
    if not m:
        sys.exit("no antiforgery token on the page")
    return html.unescape(m.group(1))

def get(op, url):
    t = time.perf_counter()
    with op.open(url, timeout=120) as r:
        body = r.read()
        status = r.status
    return (time.perf_counter() - t) * 1000, status, body

def post(op, url, fields):
    data = urllib.parse.urlencode(fields).encode()
    with op.open(urllib.request.Request(url, data=data, method="POST"), timeout=120) as r:
        return r.status, r.read().decode("utf-8", "replace")

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--url", required=True)
    ap.add_argument("--consultation", type=int, required=True)
    ap.add_argument("--email", default="bandanvan@dany.local")
    ap.add_argument("--password", required=True)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--enqueue", choices=["full", "fold"])
    ap.add_argument("--progress", action="store_true")
    a = ap.parse_args()
    base = a.url.rstrip("/")
    op = opener()
    _, _, login = get(op, base + "/account/login")
    status, _ = post(op, base + "/account/login", {"Email": a.email, "Password": a.password, "__RequestVerificationToken": token(login.decode())})
    overview = f"{base}/synthesis/{a.consultation}"
    if a.progress:
        print(get(op, overview + "?handler=Progress")[2].decode())
        return
    _, _, page = get(op, overview)
    page = page.decode()
    if "/account/login" in page and "Password" in page:
        sys.exit("login failed")
    if a.enqueue:
        post(op, overview + "?handler=" + ("Run" if a.enqueue == "full" else "Fold"), {"__RequestVerificationToken": token(page)})
        print(get(op, overview + "?handler=Progress")[2].decode())
        return
    urls = [("overview", overview), ("progress", overview + "?handler=Progress")]
    # The section with the most groups: its pager links carry section=draft:ref.
    sections = re.findall(r'href="[^"]*\?section=([^"&]+)&amp;p=(\d+)"', page)
    if sections:
        counts = {}
        for s, p in sections:
            counts[s] = max(counts.get(s, 0), int(p))
        sec, last = max(counts.items(), key=lambda kv: kv[1])
        urls.append(("section page 1", f"{overview}?section={sec}&p=1"))
        urls.append((f"section page {last} (last)", f"{overview}?section={sec}&p={last}"))
    def largest(text):
        rows = re.findall(r'data-group="(\d+)">.*?<td class="num">([\d.]+)</td>', text, re.S)
        return max(((int(n.replace(".", "")), g) for g, n in rows), default=None)
    best = largest(page)
    if sections:
        best = max(filter(None, [best, largest(get(op, f"{overview}?section={sec}&p=1")[2].decode())]))
    if best:
        count, g = best
        group = f"{overview}/groups/{g}"
        last = max(1, (count + 49) // 50)
        urls.append((f"group {g} ({count} comments) page 1", group))
        urls.append((f"group {g} page {last}", f"{group}?p={last}"))
        urls.append((f"group {g} online page 1", f"{group}?channel=online"))
        urls.append((f"group {g} disagree page 1", f"{group}?stance=DISAGREE"))
    for name, url in urls:
        times, size, status = [], 0, 0
        for _ in range(a.repeat):
            ms, status, body = get(op, url)
            times.append(ms)
            size = len(body)
        times.sort()
        p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
        print(f"{name}\t{status}\tmedian {statistics.median(times):.0f} ms\tp95 {p95:.0f} ms\tmax {times[-1]:.0f} ms\t{size / 1024:.0f} KiB")

if __name__ == "__main__":
    main()
