package plain

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"knead/routines"
	"knead/screening"
)

var levelHeadline = map[screening.Level]string{
	screening.Clear:  "CLEAR: no reason not to massage was reported",
	screening.Gentle: "GENTLE: gentle routines only",
	screening.Stop:   "STOP: no massage today",
	screening.Urgent: "URGENT: see a doctor now",
}

// PrintClearance writes the clearance in plain words within the
// accessible flow, which said the disclaimer at its start: once a run.
func PrintClearance(w io.Writer, c screening.Clearance, allowed []*routines.Routine) {
	writeClearance(w, c, allowed, 0, false)
}

// WriteClearance writes the clearance in plain words, wrapped at width
// columns (0: not wrapped, for screen readers and pipes), ending with the
// disclaimer: it stands alone, as knead screen's output or after the full
// screen has closed. allowed is nil when the routines are not to be
// listed.
func WriteClearance(w io.Writer, c screening.Clearance, allowed []*routines.Routine, width int) {
	writeClearance(w, c, allowed, width, true)
}

func writeClearance(w io.Writer, c screening.Clearance, allowed []*routines.Routine, width int, disclaimer bool) {
	say := func(indent, text string) {
		if width > len(indent)+12 {
			// Continuation lines are indented two more columns.
			text = ansi.Wordwrap(text, width-len(indent)-3, "")
			text = strings.ReplaceAll(text, "\n", "\n"+indent+"  ")
		}
		fmt.Fprintf(w, "%s%s\n", indent, text)
	}
	who := "you (self-massage)"
	if c.For == screening.Partner {
		who = screening.NamePartner("your partner", c.Name)
	}
	fmt.Fprintf(w, "\nScreening result for %s, %s\n", who, c.GivenAt.Format("Mon 2 Jan 2006 15:04"))
	head := levelHeadline[c.Level]
	if locks := c.LowerBackLocks(); len(locks) > 0 && (c.Level == screening.Clear || c.Level == screening.Gentle) {
		head += "; not the lower back (" + strings.Join(locks, ", ") + ")"
	}
	say("", head)
	if len(c.Reasons) > 0 {
		fmt.Fprintln(w, "\nWhy:")
		for _, r := range c.Reasons {
			say("  ", fmt.Sprintf("- %s (%s)%s", r.Label, reasonLevel(r), explained(r)))
			say("    ", "Source: "+strings.Join(r.Sources.Titles(), "; "))
		}
	}
	if len(c.Advice) > 0 {
		fmt.Fprintln(w, "\nAdvice:")
		for _, a := range c.Advice {
			say("  ", "- "+a)
		}
	}
	fmt.Fprintln(w)
	if allowed != nil || c.Level == screening.Stop || c.Level == screening.Urgent {
		say("", "What to do next: "+nextStep(c, allowed))
	}
	if allowed != nil && (c.Level == screening.Clear || c.Level == screening.Gentle) {
		names := make([]string, len(allowed))
		for i, r := range allowed {
			// The id is what knead start takes.
			names[i] = fmt.Sprintf("%s (%s)", r.Title, r.ID)
		}
		if len(names) == 0 {
			fmt.Fprintln(w, "Allowed routines: none of the routines knead knows.")
		} else {
			say("", "Allowed routines: "+strings.Join(names, ", "))
		}
		fmt.Fprintln(w, "This clearance is valid today only.")
	}
	if disclaimer {
		fmt.Fprintln(w)
		say("", Disclaimer)
	}
}

// nextStep is what to do now; when the answers allow massage but none of
// the routines knead knows, it says so instead of "massage is allowed".
func nextStep(c screening.Clearance, allowed []*routines.Routine) string {
	if allowed != nil && len(allowed) == 0 && (c.Level == screening.Clear || c.Level == screening.Gentle) {
		return "None of knead's routines fits today's answers, so there is no massage with knead today."
	}
	return c.NextStep()
}

// reasonLevel is what the reason does: its level, or the lock it sets.
func reasonLevel(r screening.Reason) string {
	if r.Locks != "" && (r.Level == screening.Clear || r.Level == "") {
		return "not the lower back"
	}
	return string(r.Level)
}

// explained is the reason's explanation after its label.
func explained(r screening.Reason) string {
	if r.Explanation == "" {
		return ""
	}
	return ": " + r.Explanation
}

// clearanceJSON is the stable --json shape of a clearance.
type clearanceJSON struct {
	Level           screening.Level    `json:"level"`
	For             screening.Mode     `json:"for"`
	GivenAt         string             `json:"given_at"`
	Reasons         []screening.Reason `json:"reasons"`
	Advice          []string           `json:"advice"`
	AllowedRoutines []string           `json:"allowed_routines"`
}

// WriteClearanceJSON writes the stable --json shape of a clearance.
func WriteClearanceJSON(w io.Writer, c screening.Clearance, allowed []*routines.Routine) error {
	out := clearanceJSON{
		Level:           c.Level,
		For:             c.For,
		GivenAt:         c.GivenAt.Format(time.RFC3339),
		Reasons:         c.Reasons,
		Advice:          c.Advice,
		AllowedRoutines: []string{},
	}
	if out.Reasons == nil {
		out.Reasons = []screening.Reason{}
	}
	if out.Advice == nil {
		out.Advice = []string{}
	}
	for _, r := range allowed {
		out.AllowedRoutines = append(out.AllowedRoutines, r.ID)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
