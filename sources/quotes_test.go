package sources_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"knead/routines"
	"knead/screening"
	"knead/sources"
)

// TestQuotesAreVerbatim checks every quote that is not marked a paraphrase
// against the text of the article it cites. The articles are not part of
// knead; set KNEAD_ARTICLES_DIR to a folder of their plain-text copies (each
// file starting with the article's title) to run it.
func TestQuotesAreVerbatim(t *testing.T) {
	dir := os.Getenv("KNEAD_ARTICLES_DIR")
	if dir == "" {
		t.Skip("KNEAD_ARTICLES_DIR is not set")
	}
	texts := readArticles(t, dir)
	checked := 0
	defer func() { t.Logf("%d quotes checked word for word", checked) }()
	check := func(where string, s sources.Source) {
		t.Helper()
		if s.Paraphrase || s.Article == "" {
			return
		}
		text, ok := texts[s.Article]
		if !ok {
			if s.Article != "knead" && s.Article != "nice-ng59" {
				t.Errorf("%s: no text of article %q in %s", where, s.Article, dir)
			}
			return
		}
		checked++
		if !strings.Contains(text, normalise(s.Quote)) {
			t.Errorf("%s: not verbatim in %q: %q", where, s.Article, s.Quote)
		}
	}
	lib, err := routines.BuiltIn()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range lib.All() {
		for _, s := range r.Sources {
			check(r.ID, s)
		}
		for _, st := range r.Steps {
			for _, s := range st.Sources {
				check(r.ID+": "+st.Title, s)
			}
		}
	}
	for _, q := range screening.Default().All() {
		for _, s := range q.Sources {
			check("question "+q.ID, s)
		}
	}
}

// readArticles maps article keys to their normalised text, matching each
// file to an article by the title on its first lines.
func readArticles(t *testing.T, dir string) map[string]string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no .txt articles in %s", dir)
	}
	out := map[string]string{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text := normalise(string(data))
		head := text[:min(len(text), 300)]
		for key, title := range sources.Articles {
			if strings.Contains(head, normalise(title)) {
				out[key] = text
			}
		}
	}
	return out
}

// normalise makes runs of white space one space, so that line breaks and
// indentation do not count.
func normalise(s string) string { return strings.Join(strings.Fields(s), " ") }
