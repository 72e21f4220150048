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
    with open(f"{out}/hugo.toml", "w") as f:
        # Hugo writes its usual outputs (pages, lists, taxonomies, RSS, sitemap), as Vitrine does;
        # the home page's JSON output is the `full` theme's search index (unused by `bare`).
        f.write('baseURL = "http://127.0.0.1/"\ntitle = "Bench"\nlanguageCode = "fr"\n'
                '[outputs]\nhome = ["HTML", "RSS", "JSON"]\n'
                '[[menu.main]]\nname = "Compétences"\nurl = "/competences/"\nweight = 1\n'
                '[[menu.main]]\nname = "Projets"\nurl = "/projets/"\nweight = 2\n')
    for theme, files in (("bare", BARE), ("full", FULL)):
        for name, text in files.items():
            os.makedirs(os.path.dirname(f"{out}/themes/{theme}/layouts/{name}"), exist_ok=True)
            with open(f"{out}/themes/{theme}/layouts/{name}", "w") as f:
                f.write(text)


# `hugo --theme bare`: the least Hugo can write for these pages.
BARE = {
    "_default/single.html": "<!DOCTYPE html><html><head><title>{{ .Title }}</title></head><body><h1>{{ .Title }}</h1>"
    "{{ .TableOfContents }}{{ .Content }}{{ range .Params.tags }}<a href=\"/tags/{{ . | urlize }}\">{{ . }}</a>{{ end }}</body></html>\n",
    "_default/list.html": "<!DOCTYPE html><html><body>{{ range .Pages }}<a href=\"{{ .RelPermalink }}\">{{ .Title }}</a>{{ end }}</body></html>\n",
}

# `hugo --theme full`: what Vitrine writes for each page, as a blog theme such as
# PaperMod writes it: description, Open Graph and canonical in the head, the menu,
# reading time, table of contents, tags, related pages, previous/next in the
# section, cards with summaries on lists, and a JSON search index of every
# page's plain text.
FULL = {
    "partials/head.html": """<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} — {{ .Site.Title }}</title>
{{ with .Description }}<meta name="description" content="{{ . }}"><meta property="og:description" content="{{ . }}">{{ end }}
<meta property="og:title" content="{{ .Title }}"><meta property="og:type" content="{{ if .IsPage }}article{{ else }}website{{ end }}">
<meta property="og:url" content="{{ .Permalink }}"><meta name="twitter:card" content="summary"><link rel="canonical" href="{{ .Permalink }}">
<link rel="stylesheet" href="/style.css"></head>
<body><header><a href="/">{{ .Site.Title }}</a><nav>{{ $here := . }}{{ range .Site.Menus.main }}<a href="{{ .URL }}"{{ if $here.IsMenuCurrent "main" . }} aria-current="page"{{ end }}>{{ .Name }}</a>{{ end }}</nav></header>
""",
    "partials/card.html": """<article><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2><p>{{ .Summary | plainify | truncate 160 }}</p>
<p>{{ .Date.Format "2 January 2006" }} · {{ .ReadingTime }} min{{ range .Params.tags }} <a href="{{ "tags/" | relURL }}{{ . | urlize }}/">{{ . }}</a>{{ end }}</p></article>
""",
    "_default/single.html": """<!DOCTYPE html><html lang="fr">{{ partial "head.html" . }}<main><article><h1>{{ .Title }}</h1>
<p>{{ .Date.Format "2 January 2006" }} · {{ .ReadingTime }} min de lecture</p>
<nav aria-label="Sommaire">{{ .TableOfContents }}</nav>{{ .Content }}
<ul>{{ range .Params.tags }}<li><a href="{{ "tags/" | relURL }}{{ . | urlize }}/">{{ . }}</a></li>{{ end }}</ul></article>
{{ with .Site.RegularPages.Related . | first 3 }}<aside><h2>Voir aussi</h2>{{ range . }}{{ partial "card.html" . }}{{ end }}</aside>{{ end }}
<nav>{{ with .PrevInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}{{ with .NextInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</nav>
</main></body></html>
""",
    "_default/list.html": """<!DOCTYPE html><html lang="fr">{{ partial "head.html" . }}<main><h1>{{ .Title }}</h1>
{{ range .Pages }}{{ partial "card.html" . }}{{ end }}</main></body></html>
""",
    "index.json": """{{- $pages := slice -}}{{- range .Site.RegularPages -}}{{- $pages = $pages | append (dict "title" .Title "permalink" .RelPermalink "section" .Section "tags" .Params.tags "content" .Plain) -}}{{- end -}}{{- $pages | jsonify -}}
""",
}

if __name__ == "__main__":
    main()
