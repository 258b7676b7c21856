#!/usr/bin/env python3
"""The HTML report in a real browser: a tiny run writes REPORT.md and REPORT.html (pandoc, plots
embedded); headless Chromium takes a screenshot of the page and dumps its DOM. The test asserts that the
page is self-contained (every <img> is a data: URI, no file beside it needed), and that the plots were
decoded and drawn: the screenshot holds the panels' measured-points colour (#1f77b4) over many pixels,
which no text of the page has. Exit 77 (CTest: skipped) when pandoc or chromium is missing.
Usage: html_screenshot.py KWE_VERIFY WORK_DIR"""
import os, re, shutil, struct, subprocess, sys, zlib

kwe, work = sys.argv[1], sys.argv[2]
chromium = shutil.which("chromium") or shutil.which("chromium-browser")
if not shutil.which("pandoc") or not chromium:
    print("skipped: pandoc or chromium is not installed (scripts/install-deps.sh installs them)")
    sys.exit(77)
shutil.rmtree(work, ignore_errors=True)
report = os.path.join(work, "out", "REPORT.md")
run = subprocess.run([kwe, "run", "--checks", "4.3", "--beta", "0.5", "--omega-max", "1e3", "--digits", "10", "--quiet",
                      "--json", "", "--report", report], capture_output=True, text=True)
if run.returncode != 0:
    sys.exit(f"run: exit {run.returncode}\n{run.stdout}\n{run.stderr}")
html = os.path.join(work, "out", "REPORT.html")
if not os.path.exists(html):
    sys.exit(f"run wrote no REPORT.html\n{run.stderr}")
# Self-contained: move it away from its plots before opening it.
alone = os.path.join(work, "alone")
os.makedirs(alone)
page = os.path.join(alone, "REPORT.html")
shutil.copy(html, page)
flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + os.path.join(work, "profile")]
shot = os.path.join(work, "screenshot.png")
subprocess.run([chromium, *flags, "--window-size=1400,6000", "--screenshot=" + shot, "file://" + page], capture_output=True, timeout=180)
dom = subprocess.run([chromium, *flags, "--dump-dom", "file://" + page], capture_output=True, text=True, timeout=180).stdout
images = re.findall(r"<img [^>]*src=\"([^\"]{0,40})", dom)
if len(images) < 2 or not all(src.startswith("data:image/svg+xml") for src in images):
    sys.exit(f"the page's images are not embedded SVG: {images}")
if "(4.3)" not in dom or "Run metadata" not in dom:
    sys.exit("the page lacks the check or the metadata")


def png_pixels(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        sys.exit("the screenshot is not a PNG")
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", chunk)
            if depth != 8 or colour not in (2, 6) or interlace:
                sys.exit(f"unexpected PNG format depth {depth} colour {colour} interlace {interlace}")
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    raw, stride = zlib.decompress(idat), width * channels
    previous, rows, i = bytearray(stride), [], 0
    for _ in range(height):
        f, line = raw[i], bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - channels] if x >= channels else 0
            b = previous[x]
            c = previous[x - channels] if x >= channels else 0
            if f == 1: line[x] = (line[x] + a) & 255
            elif f == 2: line[x] = (line[x] + b) & 255
            elif f == 3: line[x] = (line[x] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        previous = line
    return width, height, channels, rows


width, height, channels, rows = png_pixels(shot)
blue = 0
for row in rows:
    for x in range(0, len(row), channels):
        r, g, b = row[x], row[x + 1], row[x + 2]
        if abs(r - 0x1f) <= 12 and abs(g - 0x77) <= 12 and abs(b - 0xb4) <= 12:
            blue += 1
print(f"screenshot {width}x{height}: {blue} pixels of the plots' #1f77b4; {len(images)} embedded SVG images")
if blue < 300:
    sys.exit(f"the screenshot shows no plot: only {blue} pixels of the plots' colour (see {shot})")
