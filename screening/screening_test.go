package screening

import (
	"errors"
	"regexp"
	"strings"
	"testing"
	"time"

	"knead/routines"
)

var now = time.Date(2026, 11, 21, 10, 0, 0, 0, time.UTC)

// allNo answers every top-level question with its first answer that does
// not limit the massage: no, or yes for "has a doctor examined this pain?".
func allNo(q *Questionnaire) Answers {
	a := Answers{}
	for _, x := range q.ToAsk(a) {
		a[x.ID] = clearAnswer(x)
	}
	return a
}

// clearAnswer is q's first option that leads to clear without a lock.
func clearAnswer(x *Question) Answer {
	opts := x.Options()
	if x.Type == YesNo {
		opts = []Option{opts[1], opts[0]} // no before yes
	}
	for _, o := range opts {
		if (o.Level == "" || o.Level == Clear) && !(o.Value == "yes" && x.Locks != "") {
			return OptionAnswer(o.Value)
		}
	}
	panic(x.ID + " has no clear answer")
}

func with(base Answers, pairs ...any) Answers {
	a := Answers{}
	for k, v := range base {
		a[k] = v
	}
	for i := 0; i < len(pairs); i += 2 {
		a[pairs[i].(string)] = pairs[i+1].(Answer)
	}
	return a
}

func TestQuestionIDsAreTheContract(t *testing.T) {
	t.Parallel()
	want := []string{"saddle-bladder", "leg-weakness", "fever", "infection", "other-illness-flare", "flare", "recent-flare", "leg-symptoms", "skin",
		"tumour", "cancer-history", "cancer-approved", "steroids", "bleeding", "heart", "tuberculosis", "mental-illness", "spine-injury", "weight-loss-night-pain",
		"pain-examined", "scoliosis", "hernia-sequestered", "hernia", "hernia-approved", "radiculitis", "surgery", "surgery-days", "surgery-approved",
		"pregnant", "osteoporosis", "menstruating", "meal"}
	all := Default().All()
	if len(all) != len(want) {
		t.Fatalf("%d questions, want %d", len(all), len(want))
	}
	for i, x := range all {
		if x.ID != want[i] {
			t.Errorf("question %d is %q, want %q", i, x.ID, want[i])
		}
		if x.Self == "" || x.Partner == "" || len(x.Sources) == 0 || x.Label == "" {
			t.Errorf("%s lacks wording, label or source", x.ID)
		}
		if x.Kind != Today && x.Kind != Standing {
			t.Errorf("%s has kind %q", x.ID, x.Kind)
		}
		if (x.OnYes != "" && x.OnYes != Clear && x.Why == "") || (x.OnNo != "" && x.WhyNo == "") || (x.StopBelow > 0 && x.WhyBelow == "") {
			t.Errorf("%s limits the level without explaining why", x.ID)
		}
		if x.Type != Number && x.Self == x.Partner {
			t.Errorf("%s has the same wording for self and partner: %q", x.ID, x.Self)
		}
	}
	for id, parent := range map[string]string{"cancer-approved": "cancer-history", "hernia-approved": "hernia", "surgery-days": "surgery", "surgery-approved": "surgery"} {
		if x, _ := Default().Question(id); x.Parent == nil || x.Parent.ID != parent {
			t.Errorf("%s should follow up %s", id, parent)
		}
	}
}

// TestStopsAndUrgentsExplainWhatToDo: every answer that stops the massage
// says what to do about it, and red flags send to urgent care.
func TestStopsAndUrgentsExplainWhatToDo(t *testing.T) {
	t.Parallel()
	for _, x := range Default().All() {
		limits := x.StopBelow > 0
		for _, o := range x.Options() {
			limits = limits || o.Level == Stop || o.Level == Urgent
		}
		if limits && x.Next == "" {
			t.Errorf("%s stops the massage without saying what to do", x.ID)
		}
		if x.OnYes == Urgent && !strings.Contains(x.Next, "emergency") {
			t.Errorf("%s is a red flag but its advice does not name emergency care: %q", x.ID, x.Next)
		}
		if strings.Contains(strings.NewReplacer("massage therapist", "", "physiotherapist", "").Replace(strings.ToLower(x.Next+x.Why+x.WhyNo)), "therapist") {
			t.Errorf("%s says therapist; in English that is a general practitioner", x.ID)
		}
	}
}

// TestUrgentQuestionsComeFirst: a stop answer ends the questionnaire, so no
// question that can lead to urgent may come after one that can stop.
func TestUrgentQuestionsComeFirst(t *testing.T) {
	t.Parallel()
	canStop := ""
	for _, x := range Default().All() {
		for _, o := range x.Options() {
			if o.Level == Urgent && canStop != "" {
				t.Errorf("%s can be urgent but comes after %s, which can end the questionnaire", x.ID, canStop)
			}
			if o.Level == Stop && canStop == "" {
				canStop = x.ID
			}
		}
		if x.StopBelow > 0 && canStop == "" {
			canStop = x.ID
		}
	}
}

func TestNoInternalWordsInQuestions(t *testing.T) {
	t.Parallel()
	fileNumber := regexp.MustCompile(`\b0\d\d\b`)
	for _, x := range Default().All() {
		text := strings.Join([]string{x.Self, x.Partner, x.Label, x.Why, x.WhyNo, x.WhyBelow, x.Next, x.Advice, x.Sources.String()}, " ")
		for _, o := range x.Options() {
			text += " " + o.Label + " " + o.Why
		}
		if strings.Contains(strings.ToLower(text), "seed") || fileNumber.MatchString(text) {
			t.Errorf("%s shows an internal word or file number: %s", x.ID, text)
		}
		for _, other := range Default().All() {
			if strings.Contains(text, " "+other.ID+" ") && strings.Contains(other.ID, "-") {
				t.Errorf("%s shows the question id %s", x.ID, other.ID)
			}
		}
	}
}

func TestTodayAndStandingKinds(t *testing.T) {
	t.Parallel()
	q := Default()
	for _, id := range []string{"fever", "infection", "other-illness-flare", "flare", "recent-flare", "leg-symptoms", "skin", "meal", "menstruating", "saddle-bladder", "leg-weakness"} {
		if x, _ := q.Question(id); x.Kind != Today {
			t.Errorf("%s should be a today question", id)
		}
	}
	for _, id := range []string{"tumour", "cancer-history", "cancer-approved", "steroids", "mental-illness", "radiculitis", "pain-examined", "bleeding", "heart", "tuberculosis", "scoliosis", "hernia", "surgery", "pregnant", "osteoporosis", "hernia-approved", "surgery-days"} {
		if x, _ := q.Question(id); x.Kind != Standing {
			t.Errorf("%s should be a standing condition", id)
		}
	}
}

// TestRules has one row per rule of the product's screening table: answers
// with only that condition give the expected level and reason.
func TestRules(t *testing.T) {
	t.Parallel()
	q := Default()
	base := allNo(q)
	cases := []struct {
		name   string
		extra  []any
		level  Level
		reason string // question id of the reason, "" for none
		advice bool
	}{
		{"nothing reported", nil, Clear, "", false},
		{"saddle numbness or bladder", []any{"saddle-bladder", Yes}, Urgent, "saddle-bladder", false},
		{"worsening leg weakness", []any{"leg-weakness", Yes}, Urgent, "leg-weakness", false},
		{"fever", []any{"fever", Yes}, Stop, "fever", false},
		{"infection", []any{"infection", Yes}, Stop, "infection", false},
		{"another illness flaring", []any{"other-illness-flare", Yes}, Stop, "other-illness-flare", false},
		{"acute flare", []any{"flare", Yes}, Stop, "flare", false},
		{"flare not fully passed", []any{"recent-flare", Yes}, Stop, "recent-flare", false},
		{"new leg symptoms", []any{"leg-symptoms", Yes}, Stop, "leg-symptoms", false},
		{"skin lesions or moles", []any{"skin", Yes}, Stop, "skin", false},
		{"tumour", []any{"tumour", Yes}, Stop, "tumour", false},
		{"cancer in the past, no agreement", []any{"cancer-history", Yes, "cancer-approved", No}, Stop, "cancer-approved", false},
		{"cancer in the past, doctor agreed", []any{"cancer-history", Yes, "cancer-approved", Yes}, Gentle, "cancer-approved", false},
		{"long-term steroids", []any{"steroids", Yes}, Stop, "steroids", false},
		{"bleeding disorder", []any{"bleeding", Yes}, Stop, "bleeding", false},
		{"heart disease", []any{"heart", Yes}, Stop, "heart", false},
		{"tuberculosis", []any{"tuberculosis", Yes}, Stop, "tuberculosis", false},
		{"mental illness", []any{"mental-illness", Yes}, Stop, "mental-illness", false},
		{"spine injury", []any{"spine-injury", Yes}, Stop, "spine-injury", false},
		{"weight loss or night pain", []any{"weight-loss-night-pain", Yes}, Stop, "weight-loss-night-pain", false},
		{"pain no doctor examined", []any{"pain-examined", No}, Stop, "pain-examined", false},
		{"pain examined", []any{"pain-examined", OptionAnswer("yes")}, Clear, "", false},
		{"no back pain", []any{"pain-examined", OptionAnswer("no-pain")}, Clear, "", false},
		{"scoliosis", []any{"scoliosis", Yes}, Stop, "scoliosis", false},
		{"sequestered hernia", []any{"hernia-sequestered", Yes}, Stop, "hernia-sequestered", false},
		{"hernia without approval", []any{"hernia", Yes, "hernia-approved", No}, Stop, "hernia-approved", false},
		{"hernia with approval", []any{"hernia", Yes, "hernia-approved", Yes}, Gentle, "hernia-approved", false},
		{"radiculitis", []any{"radiculitis", Yes}, Gentle, "radiculitis", false},
		{"surgery 10 days ago", []any{"surgery", Yes, "surgery-days", NumberAnswer(10), "surgery-approved", Yes}, Stop, "surgery-days", false},
		{"surgery 13 days ago", []any{"surgery", Yes, "surgery-days", NumberAnswer(13), "surgery-approved", Yes}, Stop, "surgery-days", false},
		{"surgery 14 days ago, approved", []any{"surgery", Yes, "surgery-days", NumberAnswer(14), "surgery-approved", Yes}, Gentle, "surgery-approved", false},
		{"surgery 30 days ago, approved", []any{"surgery", Yes, "surgery-days", NumberAnswer(30), "surgery-approved", Yes}, Gentle, "surgery-approved", false},
		{"surgery 30 days ago, not approved", []any{"surgery", Yes, "surgery-days", NumberAnswer(30), "surgery-approved", No}, Stop, "surgery-approved", false},
		{"pregnant", []any{"pregnant", Yes}, Stop, "pregnant", false},
		{"osteoporosis", []any{"osteoporosis", Yes}, Gentle, "osteoporosis", false},
		{"full meal", []any{"meal", Yes}, Clear, "", true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c, err := q.Evaluate(Self, with(base, tc.extra...), now)
			if err != nil {
				t.Fatal(err)
			}
			if c.Level != tc.level {
				t.Fatalf("level = %s, want %s", c.Level, tc.level)
			}
			if tc.reason == "" && len(c.Reasons) != 0 {
				t.Fatalf("unexpected reasons %+v", c.Reasons)
			}
			if tc.reason != "" && !hasDecidingReason(c, tc.reason) {
				t.Fatalf("reasons = %+v, want one for %s at level %s", c.Reasons, tc.reason, c.Level)
			}
			if tc.advice != (len(c.Advice) > 0) {
				t.Fatalf("advice = %v", c.Advice)
			}
			if !c.GivenAt.Equal(now) || c.For != Self {
				t.Fatalf("clearance not stamped: %+v", c)
			}
		})
	}
}

// hasDecidingReason reports whether the clearance names id as a reason at
// its own level, with an explanation and a source.
func hasDecidingReason(c Clearance, id string) bool {
	for _, r := range c.Reasons {
		if r.Question == id && r.Level == c.Level && r.Explanation != "" && r.Source != "" {
			return true
		}
	}
	return false
}

func TestWorstLevelWins(t *testing.T) {
	t.Parallel()
	q := Default()
	base := allNo(q)
	cases := []struct {
		extra []any
		level Level
	}{
		{[]any{"osteoporosis", Yes, "fever", Yes}, Stop},
		{[]any{"fever", Yes, "saddle-bladder", Yes}, Urgent},
		{[]any{"radiculitis", Yes, "osteoporosis", Yes}, Gentle},
		{[]any{"hernia", Yes, "hernia-approved", Yes, "leg-weakness", Yes, "skin", Yes}, Urgent},
		{[]any{"menstruating", Yes, "hernia", Yes, "hernia-approved", No}, Stop},
	}
	for _, tc := range cases {
		c, err := q.Evaluate(Partner, with(base, tc.extra...), now)
		if err != nil {
			t.Fatal(err)
		}
		if c.Level != tc.level || len(c.Reasons) < 2 {
			t.Errorf("%v: level %s with %d reasons, want %s with all reasons", tc.extra, c.Level, len(c.Reasons), tc.level)
		}
	}
}

func TestMissingAnswerIsAnErrorNotNo(t *testing.T) {
	t.Parallel()
	q := Default()
	a := allNo(q)
	delete(a, "fever")
	_, err := q.Evaluate(Self, a, now)
	var missing *MissingAnswerError
	if !errors.As(err, &missing) || len(missing.IDs) != 1 || missing.IDs[0] != "fever" {
		t.Fatalf("err = %v", err)
	}
	// A follow-up becomes required once its parent is yes.
	_, err = q.Evaluate(Self, with(allNo(q), "hernia", Yes), now)
	if !errors.As(err, &missing) || missing.IDs[0] != "hernia-approved" {
		t.Fatalf("err = %v", err)
	}
	_, err = q.Evaluate(Self, with(allNo(q), "surgery", Yes), now)
	if !errors.As(err, &missing) || len(missing.IDs) != 2 {
		t.Fatalf("err = %v", err)
	}
}

func TestUnknownAndMistypedAnswers(t *testing.T) {
	t.Parallel()
	q := Default()
	var unknown *UnknownQuestionError
	if _, err := q.Evaluate(Self, with(allNo(q), "headache", Yes), now); !errors.As(err, &unknown) {
		t.Fatalf("err = %v", err)
	}
	if _, err := q.Evaluate(Self, with(allNo(q), "surgery", Yes, "surgery-days", Yes, "surgery-approved", Yes), now); err == nil {
		t.Fatal("yes accepted as a number of days")
	}
}

func TestFollowUpsAskedOnlyAfterYes(t *testing.T) {
	t.Parallel()
	q := Default()
	asked := func(a Answers) map[string]bool {
		m := map[string]bool{}
		for _, x := range q.ToAsk(a) {
			m[x.ID] = true
		}
		return m
	}
	none := asked(allNo(q))
	for _, id := range []string{"hernia-approved", "surgery-days", "surgery-approved"} {
		if none[id] {
			t.Errorf("%s asked although its parent is no", id)
		}
	}
	yes := asked(with(allNo(q), "hernia", Yes, "surgery", Yes))
	for _, id := range []string{"hernia-approved", "surgery-days", "surgery-approved"} {
		if !yes[id] {
			t.Errorf("%s not asked although its parent is yes", id)
		}
	}
	// Follow-up answers given while the parent is no are ignored.
	c, err := q.Evaluate(Self, with(allNo(q), "hernia-approved", No), now)
	if err != nil || c.Level != Clear {
		t.Fatalf("level %s, err %v", c.Level, err)
	}
	// Next walks the same order, follow-ups straight after their parent.
	a := Answers{}
	for x := q.Next(a); x != nil; x = q.Next(a) {
		if x.Parent != nil {
			a[x.ID] = Yes
			continue
		}
		a[x.ID] = clearAnswer(x)
		if x.ID == "hernia" {
			a[x.ID] = Yes
			if next := q.Next(a); next.ID != "hernia-approved" {
				t.Fatalf("after hernia=yes next is %s", next.ID)
			}
		}
	}
}

func loadLib(t *testing.T) *routines.Library {
	t.Helper()
	lib, err := routines.BuiltIn()
	if err != nil {
		t.Fatal(err)
	}
	return lib
}

func ids(list []*routines.Routine) []string {
	var out []string
	for _, r := range list {
		out = append(out, r.ID)
	}
	return out
}

func TestAllowedRoutines(t *testing.T) {
	t.Parallel()
	q := Default()
	lib := loadLib(t)
	cases := []struct {
		mode  Mode
		extra []any
		want  string
	}{
		{Partner, nil, "[back-classic gentle-back lumbar-partner swedish-back]"},
		{Self, nil, "[lumbar-self]"},
		{Partner, []any{"osteoporosis", Yes}, "[gentle-back]"},
		// Every built-in routine works the lower back: the whole-back ones
		// start their strokes there.
		{Partner, []any{"menstruating", Yes}, "[]"},
		{Partner, []any{"surgery", Yes, "surgery-days", NumberAnswer(40), "surgery-approved", Yes}, "[]"},
		{Self, []any{"menstruating", Yes}, "[]"},
		{Partner, []any{"fever", Yes}, "[]"},
		{Self, []any{"saddle-bladder", Yes}, "[]"},
	}
	for _, tc := range cases {
		c, err := q.Evaluate(tc.mode, with(allNo(q), tc.extra...), now)
		if err != nil {
			t.Fatal(err)
		}
		if got := fmtList(ids(c.Allowed(lib.All()))); got != tc.want {
			t.Errorf("%s %v: allowed %s, want %s", tc.mode, tc.extra, got, tc.want)
		}
	}
	c, _ := q.Evaluate(Partner, with(allNo(q), "hernia", Yes, "hernia-approved", Yes), now)
	r, _ := lib.Get("back-classic")
	if ok, why := c.Allows(r); ok || why != "gentle routines only (disc hernia)" {
		t.Errorf("back-classic under hernia: %v %q", ok, why)
	}
}

// User routines are locked by the zones they work, not by what they
// declare, and a routine for both runs as self-massage only within reach.
func TestUserRoutinesLockedByTheirZones(t *testing.T) {
	t.Parallel()
	q := Default()
	parse := func(src string) *routines.Routine {
		t.Helper()
		r, err := routines.Parse("user.yaml", []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	const head = "id: mine\ntitle: Mine\nposition: Face down.\n"
	backWithLumbarStep := parse(head + `for: partner
area: back
steps:
  - {title: Stroking, technique: stroking, zone: upper-back, duration: 2m, intensity: gentle, cue: Stroke.}
  - {title: Lower back, technique: rubbing, zone: lumbar, duration: 2m, intensity: moderate, cue: Rub.}
  - {title: Closing, technique: patting, zone: upper-back, duration: 1m, intensity: moderate, cue: Pat.}
`)
	upperOnly := parse(head + `for: both
area: back
steps:
  - {title: Stroking, technique: stroking, zone: upper-back, duration: 2m, intensity: gentle, cue: Stroke.}
  - {title: Collar, technique: rubbing, zone: collar, duration: 2m, intensity: moderate, cue: Rub.}
  - {title: Closing, technique: patting, zone: upper-back, duration: 1m, intensity: moderate, cue: Pat.}
`)
	period, _ := q.Evaluate(Partner, with(allNo(q), "menstruating", Yes), now)
	if ok, why := period.Allows(backWithLumbarStep); ok || !strings.Contains(why, "works the lower back, closed today") {
		t.Errorf("an area: back routine with a lumbar step under a period: %v %q", ok, why)
	}
	if ok, why := period.Allows(upperOnly); !ok {
		t.Errorf("an upper-back routine under a period: %q", why)
	}
	self, _ := q.Evaluate(Self, allNo(q), now)
	if ok, why := self.Allows(upperOnly); ok || why != "works the upper back, out of reach on your own back" {
		t.Errorf("a routine for both on the upper back, run as self: %v %q", ok, why)
	}
	partner, _ := q.Evaluate(Partner, allNo(q), now)
	if ok, why := partner.Allows(upperOnly); !ok {
		t.Errorf("the same routine for a partner: %q", why)
	}
}

func fmtList(s []string) string {
	out := "["
	for i, x := range s {
		if i > 0 {
			out += " "
		}
		out += x
	}
	return out + "]"
}

func TestClearanceValidForOneDay(t *testing.T) {
	t.Parallel()
	c := Clearance{Level: Clear, GivenAt: time.Date(2026, 11, 21, 23, 0, 0, 0, time.UTC)}
	if !c.ValidAt(c.GivenAt.Add(59 * time.Minute)) {
		t.Error("not valid later the same day")
	}
	if c.ValidAt(c.GivenAt.Add(61 * time.Minute)) {
		t.Error("still valid the next day")
	}
	if (Clearance{Level: Clear}).ValidAt(now) {
		t.Error("a clearance never given is valid")
	}
}

func TestParseAnswer(t *testing.T) {
	t.Parallel()
	q := Default()
	fever, _ := q.Question("fever")
	days, _ := q.Question("surgery-days")
	for in, want := range map[string]string{"y": "yes", "YES": "yes", " n ": "no", "false": "no"} {
		if a, err := ParseAnswer(fever, in); err != nil || a.String() != want {
			t.Errorf("%q → %v %v", in, a, err)
		}
	}
	for _, bad := range []string{"", "maybe", "1"} {
		if _, err := ParseAnswer(fever, bad); err == nil {
			t.Errorf("%q accepted for a yes/no question", bad)
		}
	}
	if a, err := ParseAnswer(days, "20"); err != nil || a.String() != "20" {
		t.Errorf("20 → %v %v", a, err)
	}
	for _, bad := range []string{"y", "-1", "2.5", "99999999"} {
		if _, err := ParseAnswer(days, bad); err == nil {
			t.Errorf("%q accepted as days", bad)
		}
	}
}

func TestNextStepFollowsTheMode(t *testing.T) {
	t.Parallel()
	for _, l := range []Level{Clear, Gentle, Stop, Urgent} {
		self := Clearance{Level: l, For: Self}.NextStep()
		partner := Clearance{Level: l, For: Partner}.NextStep()
		if self == partner || self == "" {
			t.Errorf("%s: next step does not follow the mode: %q", l, self)
		}
	}
}
