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
	// Choice questions have their own list of answers (Choices).
	Choice AnswerType = "choice"
)

// Lock names a part of the back that an answer closes to massage.
type Lock string

// LockLumbar closes every routine that works the lower back.
const LockLumbar Lock = "lumbar"

// Option is one answer a yes/no or choice question offers, with the level
// it leads to. Yes/no questions get theirs from on_yes and on_no.
type Option struct {
	Value string `yaml:"value"`
	// Key is the letter that picks the option: y, n, ...
	Key   string `yaml:"key"`
	Label string `yaml:"label"`
	Level Level  `yaml:"level"`
	Why   string `yaml:"why"`
}

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
	Choices   []Option    `yaml:"choices"`
	Locks     Lock        `yaml:"locks"`
	Advice    string      `yaml:"advice"`
	Why       string      `yaml:"why"`
	WhyNo     string      `yaml:"why_no"`
	WhyBelow  string      `yaml:"why_below"`
	Next      string      `yaml:"next"`
	Sources   Sources     `yaml:"sources"`
	FollowUps []*Question `yaml:"follow_ups"`
	// Parent is the question this one follows up, nil for top-level ones.
	Parent *Question `yaml:"-"`
}

// Text is the question in the wording of the mode. In partner mode a known
// name takes the place of "your partner".
func (q *Question) Text(m Mode, name string) string {
	if m == Partner {
		return NamePartner(q.Partner, name)
	}
	return q.Self
}

// NamePartner puts the partner's name in place of "your partner" in text;
// without a name the text is unchanged.
func NamePartner(text, name string) string {
	if name == "" {
		return text
	}
	r := strings.NewReplacer("your partner's", name+"'s", "Your partner's", name+"'s", "your partner", name, "Your partner", name)
	return r.Replace(text)
}

// Options lists the answers a yes/no or choice question offers, in the
// order they are shown; nil for number questions.
func (q *Question) Options() []Option { return q.Choices }

// Option finds the option with the given value.
func (q *Question) Option(value string) (Option, bool) {
	for _, o := range q.Choices {
		if o.Value == value {
			return o, true
		}
	}
	return Option{}, false
}

// Remembered reports whether an answer to q is kept per person and offered
// again: standing questions other than numbers. Today questions are asked
// every time, and numbers (days since an operation) change by themselves.
func (q *Question) Remembered() bool {
	return q.Kind == Standing && q.Type != Number
}

// Ends reports whether answer a to q ends the questionnaire at once: it
// stops the massage (stop or urgent), so nothing asked after it could
// allow one today.
func (q *Question) Ends(a Answer) bool {
	level, _ := q.Outcome(a)
	return level == Stop || level == Urgent
}

// Outcome is the level answer a leads to, and why.
func (q *Question) Outcome(a Answer) (Level, string) {
	if n, isNum := a.Number(); isNum {
		if n < q.StopBelow {
			return Stop, q.WhyBelow
		}
		return Clear, ""
	}
	o, ok := q.Option(a.String())
	if !ok || o.Level == "" {
		return Clear, o.Why
	}
	return o.Level, o.Why
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
			if err := item.check(); err != nil {
				return err
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

// check fills in the options of a yes/no question and checks that every
// limit explains itself and every source names a known article.
func (q *Question) check() error {
	if q.Type == YesNo {
		if q.Choices != nil {
			return fmt.Errorf("questions.yaml: %s: a yes/no question has no choices", q.ID)
		}
		q.Choices = []Option{
			{Value: "yes", Key: "y", Label: "Yes", Level: q.OnYes, Why: q.Why},
			{Value: "no", Key: "n", Label: "No", Level: q.OnNo, Why: q.WhyNo},
		}
	}
	if q.Type == Choice && len(q.Choices) < 2 {
		return fmt.Errorf("questions.yaml: %s: a choice question needs two choices or more", q.ID)
	}
	for _, o := range q.Choices {
		if o.Level != "" && o.Level != Clear && o.Why == "" {
			return fmt.Errorf("questions.yaml: %s: answer %s limits the massage without saying why", q.ID, o.Value)
		}
	}
	if len(q.Sources) == 0 {
		return fmt.Errorf("questions.yaml: %s has no source", q.ID)
	}
	for _, src := range q.Sources {
		if _, ok := Articles[src.Article]; !ok || src.Quote == "" {
			return fmt.Errorf("questions.yaml: %s: source %q is not a known article with words", q.ID, src.Article)
		}
	}
	return nil
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

// ToAsk lists the questions that need an answer given the answers so far,
// in the order in which they are asked: every top-level question, and a
// follow-up only when its parent was answered yes. An answer that stops the
// massage ends the list: nothing after it could allow one today.
func (q *Questionnaire) ToAsk(a Answers) []*Question {
	var out []*Question
	ended := false
	var walk func([]*Question)
	walk = func(list []*Question) {
		for _, x := range list {
			if ended {
				return
			}
			out = append(out, x)
			ans, ok := a[x.ID]
			if ok && x.Ends(ans) {
				ended = true
				return
			}
			if ok && ans.IsYes() {
				walk(x.FollowUps)
			}
		}
	}
	walk(q.top)
	return out
}

// reachable lists every question whose answer counts given a: like ToAsk,
// but without ending early, so that an answers file that answers every
// question gets every reason.
func (q *Questionnaire) reachable(a Answers) []*Question {
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

// Summary lists, in words, the remembered conditions among a, for a
// "nothing has changed?" confirmation: yes answers, and choices that limit
// the massage.
func (q *Questionnaire) Summary(a Answers) string {
	var found []string
	for _, x := range q.All() {
		ans, ok := a[x.ID]
		if !ok || !x.Remembered() || x.Parent != nil {
			continue
		}
		level, _ := x.Outcome(ans)
		if !(x.Type == YesNo && ans.IsYes()) && level == Clear {
			continue
		}
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
		found = append(found, label)
	}
	if len(found) == 0 {
		return "none"
	}
	return strings.Join(found, ", ")
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
