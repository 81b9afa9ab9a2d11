package journal

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"knead/coach"
	"knead/routines"
)

// CSVHeader is the first row of --csv; its columns are a stable format.
var CSVHeader = []string{"date", "time", "person", "routine", "course_session", "minutes", "pain_before", "pain_after", "outcome", "stop_reason", "steps_done", "steps_planned", "ratings", "finished_gently"}

// WriteCSV writes sessions as CSV, one row each, times in local time.
func WriteCSV(w io.Writer, sessions []Session) error {
	cw := csv.NewWriter(w)
	cw.Write(CSVHeader)
	for _, x := range sessions {
		t := x.StartedAt.Local()
		cw.Write([]string{
			t.Format("2006-01-02"), t.Format("15:04"), textCell(x.Person), textCell(x.Routine), strconv.Itoa(x.CourseNumber),
			fmt.Sprintf("%.1f", x.Active.Minutes()), painCell(x.Baseline), painCell(x.Final), textCell(x.Outcome), textCell(x.StopReason),
			strconv.Itoa(x.StepsDone), strconv.Itoa(x.StepsPlanned), ratingsCell(x.Ratings), strconv.FormatBool(x.FinishedGently),
		})
	}
	cw.Flush()
	return cw.Error()
}

// textCell is text from the journal made safe for a spreadsheet: no
// control characters or escape sequences, and a cell that a spreadsheet
// would run as a formula (starting with =, +, -, @, a tab or a carriage
// return) starts with ' instead, the usual way to keep it text.
func textCell(s string) string {
	s = routines.Clean(s) // tabs and carriage returns go here
	if s != "" && strings.ContainsRune("=+-@", rune(s[0])) {
		s = "'" + s
	}
	return s
}

// ratingsCell lists a session's ratings as "M:SS step N: P", separated by
// "; ", with "before" for a rating before the first step.
func ratingsCell(ratings []Rating) string {
	parts := make([]string, len(ratings))
	for i, r := range ratings {
		secs := int(r.After / time.Second)
		where := "before"
		if r.Step > 0 {
			where = fmt.Sprintf("step %d", r.Step)
		}
		parts[i] = fmt.Sprintf("%d:%02d %s: %d", secs/60, secs%60, where, r.Pain)
	}
	return strings.Join(parts, "; ")
}

func painCell(p int) string {
	if p < 0 {
		return ""
	}
	return strconv.Itoa(p)
}

// sessionJSON is the stable --json shape of one session.
type sessionJSON struct {
	StartedAt     string  `json:"started_at"`
	EndedAt       *string `json:"ended_at"`
	Person        string  `json:"person"`
	Routine       string  `json:"routine"`
	CourseSession int     `json:"course_session"`
	Minutes       float64 `json:"minutes"`
	PainBefore    *int    `json:"pain_before"`
	PainAfter     *int    `json:"pain_after"`
	Outcome       string  `json:"outcome"`
	StopReason    string  `json:"stop_reason"`
	StepsDone     int     `json:"steps_done"`
	StepsPlanned  int     `json:"steps_planned"`
	StepsSkipped  int     `json:"steps_skipped"`
	// FinishedGently: a stopped session that ended with gentle stroking.
	FinishedGently bool `json:"finished_gently"`
	WarningSign    bool `json:"warning_sign"`
	// Ratings are the pain ratings given during the session.
	Ratings []ratingJSON `json:"ratings"`
}

// ratingJSON is one rating: seconds into the session, the 1-based step
// (0 before the first) and the pain.
type ratingJSON struct {
	Seconds int `json:"seconds"`
	Step    int `json:"step"`
	Pain    int `json:"pain"`
}

// WriteJSON writes {"sessions": [...]}, times in RFC 3339.
func WriteJSON(w io.Writer, sessions []Session) error {
	out := struct {
		Sessions []sessionJSON `json:"sessions"`
	}{Sessions: []sessionJSON{}}
	for _, x := range sessions {
		j := sessionJSON{
			StartedAt: x.StartedAt.Format(time.RFC3339), Person: routines.Clean(x.Person), Routine: routines.Clean(x.Routine),
			CourseSession: x.CourseNumber, Minutes: math.Round(x.Active.Minutes()*10) / 10,
			PainBefore: painPtr(x.Baseline), PainAfter: painPtr(x.Final), Outcome: x.Outcome,
			StopReason: routines.Clean(x.StopReason), StepsDone: x.StepsDone, StepsPlanned: x.StepsPlanned,
			StepsSkipped: x.StepsSkipped, FinishedGently: x.FinishedGently, WarningSign: x.WarningSign,
			Ratings: []ratingJSON{},
		}
		for _, r := range x.Ratings {
			j.Ratings = append(j.Ratings, ratingJSON{Seconds: int(r.After / time.Second), Step: r.Step, Pain: r.Pain})
		}
		if !x.EndedAt.IsZero() {
			e := x.EndedAt.Format(time.RFC3339)
			j.EndedAt = &e
		}
		out.Sessions = append(out.Sessions, j)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func painPtr(p int) *int {
	if p < 0 {
		return nil
	}
	return &p
}

// Chart draws pain before (o) and after (*) each session on the 0–10
// scale, one column per session, oldest on the left; + marks both at the
// same level. It needs no terminal library.
func Chart(sessions []Session, width int) string {
	if len(sessions) == 0 {
		return ""
	}
	if !slices.ContainsFunc(sessions, func(x Session) bool { return x.Baseline >= 0 || x.Final >= 0 }) {
		// An empty grid would look like a chart of nothing wrong.
		return "no pain ratings to chart yet\n"
	}
	cols := max(width-6, 4) / 2
	first := 1
	if len(sessions) > cols {
		first = len(sessions) - cols + 1
		sessions = sessions[len(sessions)-cols:]
	}
	var b strings.Builder
	b.WriteString("pain   o before  * after  + the same before and after  x after a stop\n")
	for level := 10; level >= 0; level-- {
		fmt.Fprintf(&b, "%3d |", level)
		for _, x := range sessions {
			mark := " "
			switch {
			case x.Final == level && x.Outcome == string(coach.Stopped):
				mark = "x"
			case x.Baseline == level && x.Final == level:
				mark = "+"
			case x.Final == level:
				mark = "*"
			case x.Baseline == level:
				mark = "o"
			}
			b.WriteString(" " + mark)
		}
		b.WriteString("\n")
	}
	b.WriteString("    +" + strings.Repeat("--", len(sessions)) + "\n")
	// One-digit numbers fit under every session; past 9, every fifth is
	// numbered (and the first), so that the numbers never run together.
	every := 1
	if first+len(sessions)-1 > 9 {
		every = 5
	}
	labels := []rune(strings.Repeat(" ", 2*len(sessions)+4))
	for i := range sessions {
		n := first + i
		if n != first && n%every != 0 {
			continue
		}
		text := []rune(fmt.Sprint(n))
		end := 2*i + 2
		copy(labels[max(end-len(text), 0):], text)
	}
	b.WriteString("     " + strings.TrimRight(string(labels), " ") + "  session\n")
	return b.String()
}

// WriteTable writes sessions as an aligned text table, one line each.
func WriteTable(w io.Writer, sessions []Session) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "DATE\tPERSON\tROUTINE\t#\tTIME\tPAIN\tENDED")
	for _, x := range sessions {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%s\t%s → %s\t%s\n", x.StartedAt.Local().Format("2006-01-02 15:04"), routines.Clean(x.Person), routines.Clean(x.Routine),
			x.CourseNumber, routines.HumanDuration(x.Active.Round(time.Second)), painText(x.Baseline), painText(x.Final), routines.Clean(x.Ended()))
	}
	tw.Flush()
}

// Ended says in words how a session ended.
func (x Session) Ended() string {
	switch x.Outcome {
	case OutcomeInterrupted:
		return fmt.Sprintf("interrupted at step %d", max(x.Step, 1))
	case "stopped":
		how := "stopped"
		if x.FinishedGently {
			how = "stopped, finished gently"
		}
		if x.StopReason != "" {
			return how + ": " + x.StopReason
		}
		return how
	}
	return x.Outcome
}

func painText(p int) string {
	if p < 0 {
		return "–"
	}
	return strconv.Itoa(p)
}
