#!/usr/bin/env python3
"""Generates a synthetic portfolio of N pages, readable by both Vitrine and Hugo.

usage: gen-corpus.py N OUT_DIR [PARAGRAPHS_PER_PAGE]
Writes OUT_DIR/content/{competences,projets}/*.md, OUT_DIR/public/, and a
minimal Hugo site (hugo.toml + layouts) so Hugo renders the same pages.
"""
import os
import random
import sys

WORDS = ("projet équipe besoin utilisateur livraison planning réunion recette déploiement "
         "analyse donnée tableau indicateur production usine capteur application tablette "
         "formation opérateur acheteur stock commande autonomie rigueur communication risque "
         "budget qualité délai client solution technique méthode agile itération retour").split()


def sentence(rng, n):
    words = [rng.choice(WORDS) for _ in range(n)]
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def paragraph(rng):
    return " ".join(sentence(rng, rng.randint(8, 16)) for _ in range(rng.randint(3, 6)))


def vocabulary():
    """Words from the sample content (a few hundred real French words), so the
    search index sees a realistic vocabulary; the built-in list otherwise."""
    words = set()
    root = os.path.join(os.path.dirname(__file__), "..", "content")
    for folder, _, files in os.walk(root):
        for name in files:
            if name.endswith(".md"):
                text = open(os.path.join(folder, name), encoding="utf-8").read().lower()
                words.update(w for w in "".join(c if c.isalpha() else " " for c in text).split() if len(w) > 3)
    return sorted(words) or WORDS


def main():
    global WORDS
    n, out = int(sys.argv[1]), sys.argv[2]
    extra = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    WORDS = vocabulary()
    rng = random.Random(42)
    tags = [f"Thème {i}" for i in range(max(10, n // 20))]
    pages = []
    for i in range(n):
        section = "competences" if i % 3 == 0 else "projets"
        pages.append((section, f"page-{i:05d}"))
    for section in ("competences", "projets"):
        os.makedirs(f"{out}/content/{section}", exist_ok=True)
    for i, (section, slug) in enumerate(pages):
        links = []
        for _ in range(2):
            osec, oslug = pages[rng.randrange(n)]
            links.append(f"[{oslug}](../../{osec}/{oslug})")
        page_tags = ", ".join(f'"{t}"' for t in rng.sample(tags, 3))
        body = [f"## Contexte {i}", paragraph(rng), paragraph(rng),
                f"## Réalisation", paragraph(rng), "- " + sentence(rng, 6) + "\n- " + sentence(rng, 7),
                f"Voir aussi {links[0]} et {links[1]}.", "### Bilan", paragraph(rng), paragraph(rng)]
        body += [paragraph(rng) for _ in range(extra)]
        text = (f'---\ntitle: "Page {i}"\ndate: 2023-{1 + i % 12:02d}-{1 + i % 28:02d}\n'
                f'description: "{sentence(rng, 10)}"\ntags: [{page_tags}]\n---\n' + "\n\n".join(body) + "\n")
        with open(f"{out}/content/{section}/{slug}.md", "w") as f:
            f.write(text)
    with open(f"{out}/content/site.toml", "w") as f:
        f.write('title = "Bench"\nauthor = "Bench"\nbase_url = "http://127.0.0.1"\n')
    os.makedirs(f"{out}/public", exist_ok=True)
    os.makedirs(f"{out}/layouts/_default", exist_ok=True)
    with open(f"{out}/hugo.toml", "w") as f:
        # Hugo writes its usual outputs (pages, lists, taxonomies, RSS, sitemap), as Vitrine does.
        f.write('baseURL = "http://127.0.0.1/"\ntitle = "Bench"\n')
    with open(f"{out}/layouts/_default/single.html", "w") as f:
        f.write("<!DOCTYPE html><html><head><title>{{ .Title }}</title></head><body><h1>{{ .Title }}</h1>"
                "{{ .TableOfContents }}{{ .Content }}{{ range .Params.tags }}<a href=\"/tags/{{ . | urlize }}\">{{ . }}</a>{{ end }}</body></html>\n")
    with open(f"{out}/layouts/_default/list.html", "w") as f:
        f.write("<!DOCTYPE html><html><body>{{ range .Pages }}<a href=\"{{ .RelPermalink }}\">{{ .Title }}</a>{{ end }}</body></html>\n")


if __name__ == "__main__":
    main()
