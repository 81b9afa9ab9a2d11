package screening

// retired are question ids of earlier versions that answers files may still
// give, with what to do instead. They are refused with that message, never
// silently ignored: a script that still sends them would otherwise believe
// its answer counted.
var retired = map[string]string{
	"undiagnosed-pain":   "undiagnosed-pain was replaced by pain-examined (has a doctor examined this back pain?): answer yes, no or no-pain",
	"pregnancy-approved": "pregnancy-approved no longer exists: pregnancy stops the massage, with or without approval; remove it",
}

// Retired says what replaced a question id of an earlier version, and
// whether id is one.
func Retired(id string) (string, bool) {
	msg, ok := retired[id]
	return msg, ok
}
