package routines

import (
	"fmt"
	"sort"
	"strings"

	"github.com/goccy/go-yaml/ast"

	"knead/sources"
)

// sources reads a list of sources. Each entry is either free text (a note
// of where the step comes from) or a mapping naming one of the known
// articles and its words:
//
//   - {article: back-pain-massage, quote: "Stroking should be easy and slow."}
//   - {article: knead, quote: "...", paraphrase: true}
func (d *decoder) sources(n ast.Node, what, path string) sources.Sources {
	seq, ok := unwrap(n).(*ast.SequenceNode)
	if !ok {
		d.add(lineOf(n), "%s must be a list, like [first, second] or lines starting with \"- \"", what)
		return nil
	}
	out := make(sources.Sources, 0, len(seq.Values))
	for i, v := range seq.Values {
		if _, isMap := unwrap(v).(ast.MapNode); !isMap {
			if s := d.text(v, what+" entry"); s != "" {
				out = append(out, sources.Source{Quote: s})
			}
			continue
		}
		if src, ok := d.source(v, what, fmt.Sprintf("%s[%d]", path, i)); ok {
			out = append(out, src)
		}
	}
	return out
}

func (d *decoder) source(n ast.Node, what, path string) (sources.Source, bool) {
	var src sources.Source
	reported := false
	d.fields(n, what+" entry", path, sourceKeys, func(key string, v ast.Node) {
		switch key {
		case "article":
			src.Article = d.text(v, what+" article")
			if _, known := sources.Articles[src.Article]; src.Article != "" && !known {
				d.add(lineOf(v), "%s article %q is not one of: %s", what, src.Article, strings.Join(articleKeys(), ", "))
				src.Article, reported = "", true
			}
		case "quote":
			src.Quote = d.text(v, what+" quote")
		case "paraphrase":
			src.Paraphrase = d.boolean(v, what+" paraphrase")
		}
	})
	if (src.Article == "" || src.Quote == "") && !reported {
		d.add(lineOf(n), "%s entry needs an article (%s) and a quote: the article's words", what, strings.Join(articleKeys(), ", "))
	}
	return src, src.Article != "" && src.Quote != ""
}

func articleKeys() []string {
	keys := make([]string, 0, len(sources.Articles))
	for k := range sources.Articles {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
