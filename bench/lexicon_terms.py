#!/usr/bin/env python3
"""Print the classifier's lexicon phrases as fixed strings, one per line, for `grep -F -f`.

    python3 bench/lexicon_terms.py data/lexicon > terms.txt

The grep floor in bench/run matches these against the same texts `ringback classify` reads.
Expansion of the lexicon syntax (data/lexicon/README.md): `(a|b)` groups give one string per
alternative, a trailing `?` makes a group optional, `leak*` becomes the stem `leak`, the
`variant = word` lines of spelling.txt give the variant. `re:` lines (RE2 regexes) have no
fixed-string form and are left out; their count goes to stderr. An entry whose expansion
passes --cap strings is cut at the cap (also reported). Output is lower case, sorted, unique.
Python 3 standard library only.
"""

import itertools
import os
import re
import sys

CAP = 4000


def tokens(entry):
    """Splits an entry into a list of choices: each a list of alternative strings."""
    out = []
    i = 0
    while i < len(entry):
        if entry[i] == "(":
            j = entry.index(")", i)
            alts = entry[i + 1:j].split("|")
            j += 1
            if j < len(entry) and entry[j] == "?":
                alts = alts + [""]
                j += 1
            out.append(alts)
            i = j
        else:
            j = i
            while j < len(entry) and entry[j] != "(":
                j += 1
            out.append([entry[i:j]])
            i = j
    return out


def expand(entry):
    parts = tokens(entry)
    for combo in itertools.islice(itertools.product(*parts), CAP):
        s = "".join(combo).replace("*", "")
        s = re.sub(r"\s+", " ", s).strip()
        if s:
            yield s
    total = 1
    for p in parts:
        total *= len(p)
    if total > CAP:
        yield None  # marks a cut expansion


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else "data/lexicon"
    terms = set()
    regexes = cut = 0
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".txt"):
            continue
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            for line in f:
                line = re.sub(r"\s#.*$", "", line.rstrip("\n")).strip()
                if not line or line.startswith("#") or line.startswith("["):
                    continue
                if line.startswith("re:"):
                    regexes += 1
                    continue
                if name == "spelling.txt" and "=" in line:
                    line = line.split("=", 1)[0].strip()
                try:
                    for s in expand(line.lower()):
                        if s is None:
                            cut += 1
                        else:
                            terms.add(s)
                except ValueError:  # unbalanced group: keep the words as written
                    terms.add(line.lower().replace("*", ""))
    for t in sorted(terms):
        print(t)
    print("lexicon_terms: %d fixed strings; %d regex entries left out; %d expansions cut at %d" % (
        len(terms), regexes, cut, CAP), file=sys.stderr)


if __name__ == "__main__":
    main()
