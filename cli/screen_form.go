package cli

import (
	"errors"
	"io"

	"charm.land/huh/v2"

	"knead/screening"
)

// askForm runs the questionnaire as a full-screen form, one question at a
// time. Follow-ups stay hidden until their parent is answered yes; shift+tab
// goes back. Yes/no questions start on "Choose..." so that pressing enter
// never answers a question by itself.
func askForm(q *screening.Questionnaire, mode screening.Mode, in io.Reader, out io.Writer) (screening.Mode, screening.Answers, error) {
	modeValue := string(mode)
	first := []huh.Field{huh.NewNote().Title("Screening").Description(Disclaimer)}
	if mode == "" {
		first = append(first, huh.NewSelect[string]().
			Title("Who is being massaged?").
			Options(huh.NewOption("Me (self-massage)", "self"), huh.NewOption("My partner", "partner")).
			Value(&modeValue))
	}
	groups := []*huh.Group{huh.NewGroup(first...)}
	values := map[string]*string{}
	for _, x := range q.All() {
		v := new(string)
		values[x.ID] = v
		groups = append(groups, questionGroup(x, v, &modeValue, values))
	}
	form := huh.NewForm(groups...).WithInput(in).WithOutput(out)
	if err := form.Run(); err != nil {
		if errors.Is(err, huh.ErrUserAborted) {
			return "", nil, errors.New("screening cancelled; no clearance was given")
		}
		return "", nil, err
	}
	mode = screening.Mode(modeValue)
	answers := screening.Answers{}
	for _, x := range q.ToAsk(nil) {
		collect(q, x, values, answers)
	}
	return mode, answers, nil
}

// collect copies the answer to x, and to its follow-ups when x is yes.
func collect(q *screening.Questionnaire, x *screening.Question, values map[string]*string, answers screening.Answers) {
	a, err := screening.ParseAnswer(x, *values[x.ID])
	if err != nil {
		return // left unanswered: Evaluate reports it as missing
	}
	answers[x.ID] = a
	if a.IsYes() {
		for _, f := range x.FollowUps {
			collect(q, f, values, answers)
		}
	}
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
		// A follow-up is shown only while every question above it is yes.
		g = g.WithHideFunc(func() bool {
			for p := x.Parent; p != nil; p = p.Parent {
				if *values[p.ID] != "yes" {
					return true
				}
			}
			return false
		})
	}
	return g
}
