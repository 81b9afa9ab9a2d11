// Package screening holds the questionnaire that decides whether massage is
// safe today and which routines are allowed. The questions and the level each
// answer leads to are data (questions.yaml); Evaluate applies them.
package screening

import (
	_ "embed"
	"fmt"
	"strings"

	"github.com/goccy/go-yaml"
)

// Kind says how often a question is asked.
type Kind string

// Possible Kind values.
const (
	// Today questions are asked at every session.
	Today Kind = "today"
	// Standing questions are lasting conditions, remembered per person.
	Standing Kind = "standing"
)

// AnswerType is the form of answer a question takes.
type AnswerType string

// Possible AnswerType values.
const (
	YesNo  AnswerType = "yesno"
	Number AnswerType = "number"
)

// Question is one screening question with the rule its answer triggers.
type Question struct {
	ID        string      `yaml:"id"`
	Kind      Kind        `yaml:"kind"`
	Type      AnswerType  `yaml:"type"`
	Label     string      `yaml:"label"`
	Self      string      `yaml:"self"`
	Partner   string      `yaml:"partner"`
	OnYes     Level       `yaml:"on_yes"`
	OnNo      Level       `yaml:"on_no"`
	StopBelow int         `yaml:"stop_below"`
	OnlyArea  string      `yaml:"only_area"`
	Advice    string      `yaml:"advice"`
	Why       string      `yaml:"why"`
	WhyNo     string      `yaml:"why_no"`
	WhyBelow  string      `yaml:"why_below"`
	Source    string      `yaml:"source"`
	FollowUps []*Question `yaml:"follow_ups"`
	// Parent is the question this one follows up, nil for top-level ones.
	Parent *Question `yaml:"-"`
}

// Text is the question in the wording of the mode.
func (q *Question) Text(m Mode) string {
	if m == Partner {
		return q.Partner
	}
	return q.Self
}

// Remembered reports whether an answer to q is kept per person and offered
// again: standing yes/no questions. Today questions are asked every time,
// and numbers (days since an operation) change by themselves.
func (q *Question) Remembered() bool {
	return q.Kind == Standing && q.Type == YesNo
}

// Questionnaire is the whole list of questions in the order they are asked.
type Questionnaire struct {
	top  []*Question
	byID map[string]*Question
}

//go:embed questions.yaml
var questionsYAML []byte

// Default returns the built-in questionnaire. It is parsed from embedded data
// checked by tests, so a failure is a broken build and panics at start-up.
func Default() *Questionnaire {
	q, err := parseQuestionnaire(questionsYAML)
	if err != nil {
		panic(err)
	}
	return q
}

func parseQuestionnaire(data []byte) (*Questionnaire, error) {
	var top []*Question
	if err := yaml.UnmarshalWithOptions(data, &top, yaml.DisallowUnknownField()); err != nil {
		return nil, fmt.Errorf("questions.yaml: %w", err)
	}
	q := &Questionnaire{top: top, byID: map[string]*Question{}}
	var walk func(parent *Question, list []*Question, kind Kind) error
	walk = func(parent *Question, list []*Question, kind Kind) error {
		for _, item := range list {
			if _, dup := q.byID[item.ID]; dup || item.ID == "" {
				return fmt.Errorf("questions.yaml: id %q missing or used twice", item.ID)
			}
			item.Parent = parent
			if item.Kind == "" {
				item.Kind = kind
			}
			if item.Type == "" {
				item.Type = YesNo
			}
			q.byID[item.ID] = item
			if err := walk(item, item.FollowUps, item.Kind); err != nil {
				return err
			}
		}
		return nil
	}
	if err := walk(nil, top, ""); err != nil {
		return nil, err
	}
	return q, nil
}

// Question finds a question by id.
func (q *Questionnaire) Question(id string) (*Question, bool) {
	x, ok := q.byID[id]
	return x, ok
}

// All lists every question, follow-ups straight after their parent.
func (q *Questionnaire) All() []*Question {
	var out []*Question
	var walk func([]*Question)
	walk = func(list []*Question) {
		for _, x := range list {
			out = append(out, x)
			walk(x.FollowUps)
		}
	}
	walk(q.top)
	return out
}

// ToAsk lists the questions that need an answer given the answers so far:
// every top-level question, and a follow-up only when its parent was
// answered yes. It is the order in which they are asked.
func (q *Questionnaire) ToAsk(a Answers) []*Question {
	var out []*Question
	var walk func([]*Question)
	walk = func(list []*Question) {
		for _, x := range list {
			out = append(out, x)
			if ans, ok := a[x.ID]; ok && ans.IsYes() {
				walk(x.FollowUps)
			}
		}
	}
	walk(q.top)
	return out
}

// Summary lists, in words, the remembered conditions answered yes, for a
// "nothing has changed?" confirmation.
func (q *Questionnaire) Summary(a Answers) string {
	var yes []string
	for _, x := range q.All() {
		if ans, ok := a[x.ID]; ok && x.Remembered() && x.Parent == nil && ans.IsYes() {
			label := x.Label
			for _, f := range x.FollowUps {
				if fa, ok := a[f.ID]; ok && f.Remembered() {
					if fa.IsYes() {
						label += " (approved)"
					} else {
						label += " (not approved)"
					}
				}
			}
			yes = append(yes, label)
		}
	}
	if len(yes) == 0 {
		return "none of the lasting conditions"
	}
	return strings.Join(yes, ", ")
}

// Next is the first question still to answer, or nil when all are answered.
func (q *Questionnaire) Next(a Answers) *Question {
	for _, x := range q.ToAsk(a) {
		if _, ok := a[x.ID]; !ok {
			return x
		}
	}
	return nil
}
