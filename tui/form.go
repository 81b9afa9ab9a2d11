package tui

import (
	"errors"
	"fmt"
	"time"

	"charm.land/huh/v2"

	"knead/plain"
	"knead/screening"
)

// Disclaimer is shown before the first screening question.
const Disclaimer = plain.Disclaimer

// ScreeningForm builds the questionnaire as a form, one question a page.
// values receives "yes", "no" or a number per question id. When *mode is
// empty the first page asks who is massaged. Follow-ups stay hidden until
// their parent is yes; shift+tab goes back. Yes/no questions start on
// "Choose..." so that pressing enter never answers one by itself.
//
// kept are the person's remembered standing answers, confirmed at at: the
// form shows them and asks once whether anything has changed; if nothing
// has, their questions are skipped. They are pre-selected otherwise.
func ScreeningForm(q *screening.Questionnaire, mode *string, values map[string]*string, kept screening.Answers, at time.Time) *huh.Form {
	first := []huh.Field{huh.NewNote().Title("Screening").Description(Disclaimer)}
	keep := new(string)
	if len(kept) > 0 {
		first = append(first, huh.NewSelect[string]().
			Title(fmt.Sprintf("Lasting conditions confirmed on %s: %s.", at.Local().Format("2 Jan 2006"), q.Summary(kept))).
			Options(huh.NewOption("Nothing has changed", "keep"), huh.NewOption("Something changed: ask again", "ask")).
			Value(keep))
	}
	if *mode == "" {
		first = append(first, huh.NewSelect[string]().
			Title("Who is being massaged?").
			Options(huh.NewOption("Me (self-massage)", "self"), huh.NewOption("My partner", "partner")).
			Value(mode))
	}
	groups := []*huh.Group{huh.NewGroup(first...)}
	for _, x := range q.All() {
		v := new(string)
		if a, ok := kept[x.ID]; ok {
			*v = a.String()
		}
		values[x.ID] = v
		g := questionGroup(x, v, mode, values)
		if _, ok := kept[x.ID]; ok {
			g = g.WithHideFunc(func() bool { return *keep == "keep" || parentHidesIt(x, values) })
		}
		groups = append(groups, g)
	}
	return huh.NewForm(groups...)
}

// FormAnswers reads the answers given in a ScreeningForm: every question
// asked, follow-ups only under a yes. Unanswered ones are left out, for
// Evaluate to report.
func FormAnswers(q *screening.Questionnaire, values map[string]*string) screening.Answers {
	answers := screening.Answers{}
	var collect func(x *screening.Question)
	collect = func(x *screening.Question) {
		v, ok := values[x.ID]
		if !ok {
			return
		}
		a, err := screening.ParseAnswer(x, *v)
		if err != nil {
			return
		}
		answers[x.ID] = a
		if a.IsYes() {
			for _, f := range x.FollowUps {
				collect(f)
			}
		}
	}
	for _, x := range q.ToAsk(nil) {
		collect(x)
	}
	return answers
}

func questionGroup(x *screening.Question, v *string, mode *string, values map[string]*string) *huh.Group {
	title := func() string { return x.Text(screening.Mode(*mode)) }
	var field huh.Field
	if x.Type == screening.Number {
		field = huh.NewInput().TitleFunc(title, mode).Value(v).Validate(func(s string) error {
			_, err := screening.ParseAnswer(x, s)
			return err
		})
	} else {
		field = huh.NewSelect[string]().TitleFunc(title, mode).
			Options(huh.NewOption("Choose...", ""), huh.NewOption("No", "no"), huh.NewOption("Yes", "yes")).
			Value(v).
			Validate(func(s string) error {
				if s == "" {
					return errors.New("choose yes or no")
				}
				return nil
			})
	}
	g := huh.NewGroup(field)
	if x.Parent != nil {
		g = g.WithHideFunc(func() bool { return parentHidesIt(x, values) })
	}
	return g
}

// parentHidesIt: a follow-up is shown only while every question above it
// is yes.
func parentHidesIt(x *screening.Question, values map[string]*string) bool {
	for p := x.Parent; p != nil; p = p.Parent {
		if *values[p.ID] != "yes" {
			return true
		}
	}
	return false
}
