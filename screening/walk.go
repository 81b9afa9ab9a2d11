package screening

import (
	"fmt"
	"time"
)

// Walk is one pass through the questionnaire, the same for every face of
// the app: it knows which question comes next, takes answers, goes back,
// and, when the person has remembered answers, first asks whether anything
// has changed. It does no I/O.
type Walk struct {
	q    *Questionnaire
	mode Mode
	name string

	kept       Answers
	keptAt     time.Time
	confirming bool

	answers Answers
	// given are the ids answered in this walk, in order; Back pops them.
	given []string
	// earlier remembers answers taken back or re-asked, to offer them
	// again as the starting choice.
	earlier Answers
}

// NewWalk starts a walk for mode (and the partner's name, if known). kept
// are the person's remembered standing answers from their last full
// answering at keptAt; with some, the walk starts by asking whether
// anything has changed.
func NewWalk(q *Questionnaire, mode Mode, name string, kept Answers, keptAt time.Time) *Walk {
	w := &Walk{q: q, mode: mode, name: name, kept: kept, keptAt: keptAt, answers: Answers{}, earlier: Answers{}}
	for id, a := range kept {
		w.earlier[id] = a
	}
	w.confirming = len(kept) > 0
	return w
}

// Mode is who is massaged.
func (w *Walk) Mode() Mode { return w.mode }

// Confirming reports whether the walk is asking whether the remembered
// answers still hold.
func (w *Walk) Confirming() bool { return w.confirming }

// KeptPrompt names the person and their remembered conditions:
// "Anna's lasting conditions, answered on 3 Nov: osteoporosis."
func (w *Walk) KeptPrompt() string {
	whose := "Your"
	if w.mode == Partner {
		whose = "Your partner's"
		if w.name != "" {
			whose = w.name + "'s"
		}
	}
	text := fmt.Sprintf("%s lasting conditions, answered on %s: %s.", whose, w.keptAt.Local().Format("2 Jan 2006"), w.q.Summary(w.kept))
	if n := w.unremembered(); n == 1 {
		text += " 1 more question is still to answer."
	} else if n > 1 {
		text += fmt.Sprintf(" %d more questions are still to answer.", n)
	}
	return text
}

// unremembered counts the standing questions with no remembered answer,
// after an earlier screening that ended early.
func (w *Walk) unremembered() int {
	n := 0
	for _, x := range w.q.ToAsk(w.kept) {
		if _, ok := w.kept[x.ID]; !ok && x.Remembered() {
			n++
		}
	}
	return n
}

// Confirm answers the remembered-answers question: unchanged keeps them
// (their questions are skipped, and their date stays that of the last full
// answering); otherwise every question is asked afresh.
func (w *Walk) Confirm(unchanged bool) {
	if !w.confirming {
		return
	}
	w.confirming = false
	if unchanged {
		for id, a := range w.kept {
			w.answers[id] = a
		}
	}
}

// Current is the question to answer now; nil while confirming or when the
// walk is done.
func (w *Walk) Current() *Question {
	if w.confirming {
		return nil
	}
	return w.q.Next(w.answers)
}

// Text is the current question in the mode's wording, with the partner's
// name when known.
func (w *Walk) Text(x *Question) string { return x.Text(w.mode, w.name) }

// Done reports whether every question that counts has an answer (or one
// answer ended the questionnaire).
func (w *Walk) Done() bool { return !w.confirming && w.Current() == nil }

// Answer answers the current question.
func (w *Walk) Answer(a Answer) error {
	x := w.Current()
	if x == nil {
		return fmt.Errorf("no question is open")
	}
	if err := x.accepts(a); err != nil {
		return err
	}
	w.answers[x.ID] = a
	w.given = append(w.given, x.ID)
	return nil
}

// AnswerText parses typed text as the answer to the current question.
func (w *Walk) AnswerText(text string) error {
	x := w.Current()
	if x == nil {
		return fmt.Errorf("no question is open")
	}
	a, err := ParseAnswer(x, text)
	if err != nil {
		return err
	}
	return w.Answer(a)
}

// Back takes back the last answer given in this walk (and every answer
// under it), or returns to the remembered-answers question. It reports
// false when there is nothing to go back to.
func (w *Walk) Back() bool {
	if len(w.given) == 0 {
		if len(w.kept) > 0 && !w.confirming {
			w.confirming = true
			w.answers = Answers{}
			return true
		}
		return false
	}
	id := w.given[len(w.given)-1]
	w.given = w.given[:len(w.given)-1]
	w.forget(id)
	return true
}

// forget drops the answer to id and to every follow-up under it, keeping
// them as the starting choice when they are asked again.
func (w *Walk) forget(id string) {
	if a, ok := w.answers[id]; ok {
		w.earlier[id] = a
	}
	delete(w.answers, id)
	if x, ok := w.q.Question(id); ok {
		for _, f := range x.FollowUps {
			w.forget(f.ID)
		}
	}
}

// Earlier is the answer given to x before (taken back, or remembered), to
// start the choice on it; false when there is none.
func (w *Walk) Earlier(x *Question) (Answer, bool) {
	a, ok := w.earlier[x.ID]
	return a, ok
}

// Position is the number of the current question and how many there are
// in all as far as is known now ("7 of 24"): follow-ups count once their
// parent is yes, and remembered answers that were kept are not counted.
func (w *Walk) Position() (n, total int) {
	n = len(w.given) + 1
	total = len(w.given)
	for _, x := range w.q.ToAsk(w.answers) {
		if _, ok := w.answers[x.ID]; !ok {
			total++
		}
	}
	return n, total
}

// Answers are every answer the walk holds: kept and given.
func (w *Walk) Answers() Answers {
	out := Answers{}
	for id, a := range w.answers {
		out[id] = a
	}
	return out
}

// Fresh are the answers given in this walk, not kept from memory: what a
// store remembers with today's date.
func (w *Walk) Fresh() Answers {
	out := Answers{}
	for _, id := range w.given {
		if a, ok := w.answers[id]; ok {
			out[id] = a
		}
	}
	return out
}

// Clearance evaluates the walk's answers at now.
func (w *Walk) Clearance(now time.Time) (Clearance, error) {
	c, err := w.q.Evaluate(w.mode, w.answers, now)
	if w.mode == Partner {
		c.Name = w.name
	}
	return c, err
}
