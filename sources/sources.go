// Package sources names the texts knead's rules and routines come from and
// holds their words, so that every rule can say where it comes from.
package sources

import (
	"encoding/json"
	"fmt"
	"strings"
)

// Articles names, by the key questions.yaml uses, the texts the rules come
// from: the four articles knead was built from, the clinical red-flag
// guideline, and knead's own conservative defaults. Users see these titles,
// never the keys.
var Articles = map[string]string{
	"therapeutic-back-massage": "Therapeutic back massage: the technique of performance, indications and contraindications",
	"back-pain-massage":        "Massage for back pain: how to do so that there is no pain?",
	"lumbosacral-massage":      "Therapeutic massage of the lumbosacral spine",
	"massage-techniques":       "5 Helpful Massage Techniques for Back Pain",
	"nice-ng59":                "Low back pain and sciatica in over 16s: assessment and management (NICE guideline NG59) and the red flags of low back pain",
	"knead":                    "knead's own safety default",
}

// Source is where a rule or a step comes from: an article and its words.
type Source struct {
	Article string `yaml:"article" json:"-"`
	Quote   string `yaml:"quote" json:"quote"`
	// Paraphrase marks words that sum up the source instead of quoting it.
	Paraphrase bool `yaml:"paraphrase" json:"paraphrase,omitempty"`
}

// Title is the article's title, as users see it; empty for a note of free
// text (a user's routine may cite a source that way).
func (s Source) Title() string { return Articles[s.Article] }

// String is the title with the words, quoted unless they are a summary.
func (s Source) String() string {
	if s.Article == "" {
		return s.Quote
	}
	if s.Paraphrase {
		return fmt.Sprintf("%s (in short: %s)", s.Title(), s.Quote)
	}
	return fmt.Sprintf("%s: “%s”", s.Title(), s.Quote)
}

// MarshalJSON gives a source as its title and words.
func (s Source) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Title      string `json:"title"`
		Quote      string `json:"quote"`
		Paraphrase bool   `json:"paraphrase,omitempty"`
	}{s.Title(), s.Quote, s.Paraphrase})
}

// Sources is a list of sources, as a question or a routine cites them.
type Sources []Source

// String joins the sources, one after the other.
func (ss Sources) String() string {
	parts := make([]string, len(ss))
	for i, s := range ss {
		parts[i] = s.String()
	}
	return strings.Join(parts, "; ")
}

// Titles lists the distinct article titles, in order.
func (ss Sources) Titles() []string {
	var out []string
	seen := map[string]bool{}
	for _, s := range ss {
		if t := s.Title(); t != "" && !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	return out
}
