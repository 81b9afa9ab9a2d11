package report

import (
	"fmt"
	"html/template"
	"strings"

	"knead/journal"
)

// Chart geometry, in SVG units: one column per session.
const (
	chartLeft, chartTop   = 40, 16
	chartHeight, colWidth = 200, 36
)

// chart draws pain before (open circles) and after (filled circles) each
// session on the 0–10 scale, joined by a line; a stopped session's after
// is a cross. It reads without colour. Hand-written SVG: a few kilobytes,
// and no plotting library in the binary.
func chart(sessions []journal.Session) template.HTML {
	if len(sessions) == 0 {
		return ""
	}
	width := chartLeft + colWidth*len(sessions) + 20
	height := chartTop + chartHeight + 40
	y := func(p int) int { return chartTop + chartHeight - p*chartHeight/10 }
	x := func(i int) int { return chartLeft + colWidth*i + colWidth/2 }
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="chart" viewBox="0 0 %d %d" width="%d" height="%d" role="img" aria-label="Pain before and after each session">`, width, height, width, height)
	for p := 0; p <= 10; p += 2 {
		fmt.Fprintf(&b, `<line x1="%d" x2="%d" y1="%d" y2="%d" class="grid"/><text x="%d" y="%d" class="axis">%d</text>`,
			chartLeft, width-20, y(p), y(p), chartLeft-8, y(p)+4, p)
	}
	for i := range sessions {
		if i == 0 || (i+1)%5 == 0 || len(sessions) <= 10 {
			fmt.Fprintf(&b, `<text x="%d" y="%d" class="axis">%d</text>`, x(i), chartTop+chartHeight+18, i+1)
		}
	}
	// A line joins only neighbouring sessions that both have the value: a
	// gap stays a gap, not a line through sessions without it.
	lines := func(class string, value func(journal.Session) int) {
		var run []string
		flush := func() {
			if len(run) > 1 {
				fmt.Fprintf(&b, `<polyline points="%s" class="%s"/>`, strings.Join(run, " "), class)
			}
			run = nil
		}
		for i, s := range sessions {
			if v := value(s); v >= 0 {
				run = append(run, fmt.Sprintf("%d,%d", x(i), y(v)))
			} else {
				flush()
			}
		}
		flush()
	}
	lines("before", func(s journal.Session) int { return s.Baseline })
	lines("after", func(s journal.Session) int { return s.Final })
	for i, s := range sessions {
		if s.Baseline >= 0 {
			fmt.Fprintf(&b, `<circle cx="%d" cy="%d" r="5" class="before point"/>`, x(i), y(s.Baseline))
		}
		switch {
		case s.Outcome == "stopped":
			// Every stopped session is marked, at its last pain given.
			if p := lastPain(s); p >= 0 {
				fmt.Fprintf(&b, `<path d="M%d %dl10 10m0 -10l-10 10" class="stop point"/>`, x(i)-5, y(p)-5)
			}
		case s.Final >= 0:
			fmt.Fprintf(&b, `<circle cx="%d" cy="%d" r="5" class="after point"/>`, x(i), y(s.Final))
		}
	}
	fmt.Fprintf(&b, `<text x="%d" y="%d" class="axis">session</text></svg>`, width-20, chartTop+chartHeight+34)
	return template.HTML(b.String())
}

// lastPain is the last pain given in a session: the pain after, else its
// last rating, else the pain before; -1 when none was given.
func lastPain(s journal.Session) int {
	switch {
	case s.Final >= 0:
		return s.Final
	case len(s.Ratings) > 0:
		return s.Ratings[len(s.Ratings)-1].Pain
	}
	return s.Baseline
}

// sparkline draws a session's in-session ratings as a small line, 0–10.
func sparkline(ratings []journal.Rating) template.HTML {
	if len(ratings) < 2 {
		if len(ratings) == 1 {
			return template.HTML(fmt.Sprint(ratings[0].Pain))
		}
		return ""
	}
	const w, h = 48, 16
	var pts []string
	for i, r := range ratings {
		pts = append(pts, fmt.Sprintf("%d,%d", i*w/(len(ratings)-1), h-r.Pain*h/10))
	}
	var values []string
	for _, r := range ratings {
		values = append(values, fmt.Sprint(r.Pain))
	}
	return template.HTML(fmt.Sprintf(`<svg class="spark" viewBox="-2 -2 %d %d" width="%d" height="%d" role="img" aria-label="ratings %s"><polyline points="%s"/></svg> %s`,
		w+4, h+4, w+4, h+4, strings.Join(values, ", "), strings.Join(pts, " "), strings.Join(values, " ")))
}
