package screening

import "knead/sources"

// Source and Sources are where a question's rule comes from; see package
// sources.
type (
	Source  = sources.Source
	Sources = sources.Sources
)

// Articles are the texts the questions may cite.
var Articles = sources.Articles
