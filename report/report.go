// Package report makes the one-page history a doctor can read: a
// self-contained HTML file (inline CSS and SVG, nothing fetched) with the
// pain over time, every session, every stop and every screening of one
// person. It is pure: journal records in, HTML out.
package report

import (
	"bytes"
	"cmp"
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"strings"
	"time"

	"knead/journal"
	"knead/routines"
	"knead/screening"
)

// Input is everything the report shows, read from the journal.
type Input struct {
	// Person is the name in the journal: journal.Me for self-massage.
	Person string
	// Since is the start of the period, zero for all of it.
	Since time.Time
	Made  time.Time
	// Sessions are the person's sessions in the period, oldest first,
	// with their ratings.
	Sessions   []journal.Session
	Stops      []journal.StopRecord
	Screenings []journal.ScreeningRecord
	Standing   []journal.StandingRecord
	Course     journal.Course
	// Questions give the screening reasons and answers their words.
	Questions *screening.Questionnaire
	// Titles name the routines by their ids; a routine no longer known is
	// shown by its id.
	Titles map[string]string
}

//go:embed report.html
var page string

var tmpl = template.Must(template.New("report").Parse(page))

// Write writes the report as HTML. Every text from the journal is user
// text and is escaped by html/template.
func Write(w io.Writer, in Input) error {
	var b bytes.Buffer
	if err := tmpl.Execute(&b, build(in)); err != nil {
		return err
	}
	_, err := w.Write(b.Bytes())
	return err
}

// view is what the template draws.
type view struct {
	Who, Period, Made string
	Count, Of, Number int
	Summary           []string
	Advice            []string
	Chart             template.HTML
	Rows              []row
	Stops             []stopRow
	Screenings        []screeningRow
	Standing          []standingRow
}

type row struct {
	Date, Routine, Minutes, Pain, Ended, Steps string
	Ratings                                    template.HTML
}

type stopRow struct{ When, Step, Reason string }

type screeningRow struct {
	When, Level, Reasons string
	first                time.Time // of a run of screenings with this result
	n                    int
}

type standingRow struct{ Question, Answer, Confirmed string }

func build(in Input) view {
	v := view{Who: Who(in.Person), Made: in.Made.Local().Format("Mon 2 Jan 2006"), Count: len(in.Sessions), Of: in.Course.Of, Number: in.Course.Number - 1}
	v.Period = "all sessions"
	if len(in.Sessions) > 0 {
		v.Period = in.Sessions[0].StartedAt.Local().Format("2 Jan 2006") + " to " + in.Sessions[len(in.Sessions)-1].StartedAt.Local().Format("2 Jan 2006")
	}
	v.Summary = summary(in.Sessions)
	for _, a := range in.Course.Advice {
		v.Advice = append(v.Advice, routines.Clean(a))
	}
	v.Chart = chart(in.Sessions)
	for _, x := range in.Sessions {
		v.Rows = append(v.Rows, row{
			Date: x.StartedAt.Local().Format("2 Jan 15:04"), Routine: routines.Clean(cmp.Or(in.Titles[x.Routine], x.Routine)),
			Minutes: minutes(x.Active), Pain: painText(x.Baseline) + " → " + painText(x.Final),
			Ended: routines.Clean(x.Ended()), Steps: fmt.Sprintf("%d of %d", x.StepsDone, x.StepsPlanned),
			Ratings: sparkline(x.Ratings),
		})
	}
	for _, s := range in.Stops {
		step := fmt.Sprintf("step %d", s.Step)
		if s.Step <= 0 {
			step = "before the first step"
		}
		v.Stops = append(v.Stops, stopRow{When: s.At.Local().Format("2 Jan 2006 15:04"), Step: step, Reason: routines.Clean(s.Reason)})
	}
	for _, s := range in.Screenings {
		var reasons []string
		for _, id := range s.Reasons {
			reasons = append(reasons, label(in.Questions, id))
		}
		row := screeningRow{When: s.At.Local().Format("2 Jan 2006 15:04"), Level: strings.ToUpper(routines.Clean(s.Level)), Reasons: strings.Join(reasons, "; "), first: s.At, n: 1}
		// A run of screenings with the same result is one row: a course
		// of clear screenings would fill a page saying one thing.
		if n := len(v.Screenings); n > 0 && v.Screenings[n-1].Level == row.Level && v.Screenings[n-1].Reasons == row.Reasons {
			last := &v.Screenings[n-1]
			last.n++
			last.When = fmt.Sprintf("%s to %s (%d screenings)", last.first.Local().Format("2 Jan 2006"), s.At.Local().Format("2 Jan 2006"), last.n)
			continue
		}
		v.Screenings = append(v.Screenings, row)
	}
	for _, s := range in.Standing {
		question, answer := asked(in.Questions, s.Question, s.Answer, in.Person)
		v.Standing = append(v.Standing, standingRow{Question: question, Answer: answer, Confirmed: s.ConfirmedAt.Local().Format("2 Jan 2006")})
	}
	return v
}

// minutes is a session's massage time in whole minutes; "<1" for a short
// one, which "0" would hide.
func minutes(d time.Duration) string {
	if d > 0 && d < 30*time.Second {
		return "<1"
	}
	return fmt.Sprintf("%.0f", d.Minutes())
}

// Who names the person of a report: "self" for self-massage.
func Who(person string) string {
	if person == journal.Me {
		return "self"
	}
	return routines.Clean(person)
}

// label is what a screening reason is called, or its id when this version
// no longer asks it.
func label(q *screening.Questionnaire, id string) string {
	if q != nil {
		if x, ok := q.Question(id); ok && x.Label != "" {
			return x.Label
		}
	}
	return routines.Clean(id)
}

// asked is a standing question as it was put, and the answer as it was
// chosen: "Has a doctor examined this back pain?" "Yes". The question's
// label names the condition a worrying answer means, so beside a plain
// answer it could read the wrong way round.
func asked(q *screening.Questionnaire, id, answer, person string) (string, string) {
	answer = routines.Clean(answer)
	if q == nil {
		return routines.Clean(id), answer
	}
	x, ok := q.Question(id)
	if !ok {
		return routines.Clean(id), answer
	}
	text := x.Self
	if person != journal.Me {
		text = x.Text(screening.Partner, partnerName(person))
	}
	for _, o := range x.Options() {
		if o.Value == answer && o.Label != "" {
			answer = o.Label
		}
	}
	return routines.Clean(text), answer
}

// partnerName is the name to put in a partner's questions; "" for a
// partner without one.
func partnerName(person string) string {
	if person == journal.UnnamedPartner {
		return ""
	}
	return person
}

func painText(p int) string {
	if p < 0 {
		return "–"
	}
	return fmt.Sprint(p)
}
