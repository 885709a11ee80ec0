//! The attribution patterns, sentence by sentence: what each finds, as a table.

use super::*;
use crate::text::{split_sentences, tokenize};

/// (text, [(source, cue, content)])
type Row = (
    &'static str,
    &'static [(Option<&'static str>, &'static str, &'static str)],
);

const PATTERNS: &[Row] = &[
    // a paragraph that is nothing but a quotation has no cue of its own: no claim
    (
        "“We will build a wall!” he said to a cheer.\n\n“And they will pay for it.”\n\nThe crowd left.",
        &[(Some("he"), "said", "“We will build a wall!”")],
    ),
    // a named addressee of several words, then an adverbial
    (
        "“It is a good deal,” Graham told The Washington Post on Thursday.",
        &[(Some("Graham"), "told", "“It is a good deal,”")],
    ),
    // a coordinated verb's subject is its clause's, after a subordinator
    (
        "The mayor left after she visited the site and said the bridge was unsafe.",
        &[(Some("she"), "said", "the bridge was unsafe")],
    ),
    // past an adverbial subject-less opener, the one told and a time phrase; a colon
    // ending the paragraph announces the next
    (
        "But in recent days, advisers say, the president has grown tired of the race.",
        &[(
            Some("advisers"),
            "say",
            "the president has grown tired of the race",
        )],
    ),
    (
        "The president told African-Americans this weekend he would consider it an insult.",
        &[(
            Some("The president"),
            "told",
            "he would consider it an insult",
        )],
    ),
    (
        "The governor added:\n\nIt is typical of her. She knows nothing.\n\nThe crowd cheered.",
        &[(
            Some("The governor"),
            "added",
            "It is typical of her. She knows nothing",
        )],
    ),
    // an infinitive is what is hoped; "in which" and ", including" go on with the phrase
    (
        "Sanders had hoped to do better with Latinos, but his ability to do so seemed shaky.",
        &[(Some("Sanders"), "hoped", "to do better with Latinos")],
    ),
    (
        "Trump tweeted a similar image in which the star was replaced by a circle.",
        &[(
            Some("Trump"),
            "tweeted",
            "a similar image in which the star was replaced by a circle",
        )],
    ),
    (
        "He then asked the buzzing crowd, “Can she stay?”",
        &[(Some("He"), "asked", "“Can she stay?”")],
    ),
    (
        "The chairman said the process was fair, but required candidates to work.",
        &[(
            Some("The chairman"),
            "said",
            "the process was fair, but required candidates to work",
        )],
    ),
    // a quotation's marks are of one kind, whatever quotes it holds
    (
        "“He calls me ‘Little Marco.’ I admit he is taller,” Rubio said.",
        &[(
            Some("Rubio"),
            "said",
            "“He calls me ‘Little Marco.’ I admit he is taller,”",
        )],
    ),
    // a participle after a comma, or a dash and "but", ends a clause content
    (
        "She said her father would do the same as president, saying that he supports equal pay.",
        &[
            (
                Some("She"),
                "said",
                "her father would do the same as president",
            ),
            (Some("She"), "saying", "he supports equal pay"),
        ],
    ),
    (
        "She explained that Comey meant the interviews - but she also insisted that she was consistent.",
        &[
            (Some("She"), "explained", "Comey meant the interviews"),
            (Some("she"), "insisted", "she was consistent"),
        ],
    ),
    // what is asked for, without its "for"; the one told, then an adverbial
    (
        "The prosecutors asked for a sentence of three years.",
        &[(
            Some("The prosecutors"),
            "asked",
            "a sentence of three years",
        )],
    ),
    (
        "Michigan did what 40 states do, he told the court in his filing.",
        &[(Some("he"), "told", "Michigan did what 40 states do")],
    ),
    (
        "“It is plagiarism,” David Axelrod, a strategist, said just after midnight on CNN.",
        &[(
            Some("David Axelrod, a strategist"),
            "said",
            "“It is plagiarism,”",
        )],
    ),
    // an apposition, "in a statement:", then a quotation of several sentences
    (
        "Her chairman, John Podesta, said in a statement: \"Tonight was dark. And he is unfit.\"",
        &[(
            Some("Her chairman, John Podesta"),
            "said",
            "\"Tonight was dark. And he is unfit.\"",
        )],
    ),
    // a gerund subject after the inserted cue goes on with the sentence
    (
        "Though that transition was seamless, he said, replacing her would be much harder.",
        &[(
            Some("he"),
            "said",
            "Though that transition was seamless, he said, replacing her would be much harder",
        )],
    ),
    // a poll says what its numbers show
    (
        "In the latest Morning Consult poll, conducted March 11-13, 40 percent of Democrats back Sanders.",
        &[(
            Some("the latest Morning Consult poll, conducted March 11-13"),
            "In",
            "40 percent of Democrats back Sanders",
        )],
    ),
    (
        "Trump leads by 57 percent to 33 percent in the 50-state poll.",
        &[(
            Some("the 50-state poll"),
            "in",
            "Trump leads by 57 percent to 33 percent",
        )],
    ),
    (
        "He asked the crowd whether it was true.",
        &[(Some("He"), "asked", "whether it was true")],
    ),
    // the one asked is not the question
    (
        "The rally went on. “Is it true?” Trump asked the crowd.",
        &[(Some("Trump"), "asked", "“Is it true?”")],
    ),
    // "many of whom" is the source, as the annotators mark "who"
    (
        "The plan upset the families of victims, many of whom say the law is unfair.",
        &[(Some("many of whom"), "say", "the law is unfair")],
    ),
    // a participle opening the sentence speaks for the main clause's subject
    (
        "Noting that both men battled the establishment, Schlafly wrote that Trump would win.",
        &[
            (
                Some("Schlafly"),
                "Noting",
                "both men battled the establishment",
            ),
            (Some("Schlafly"), "wrote", "Trump would win"),
        ],
    ),
    // a cue in the next paragraph does not stop the quotation going on
    (
        "“The deal is dead,” Menendez said. “We will not vote for it.”\n\nCorker said he was hopeful.",
        &[
            (
                Some("Menendez"),
                "said",
                "“The deal is dead,” Menendez said. “We will not vote for it.”",
            ),
            (Some("Corker"), "said", "he was hopeful"),
        ],
    ),
    // a passive cue has no subject source; a feeling ("were convinced") and "was quoted
    // as saying" keep theirs; an expletive "it" is no one
    (
        "The voters were asked whether the plan failed.",
        &[(None, "asked", "whether the plan failed")],
    ),
    (
        "Experts were convinced that the plan failed.",
        &[(Some("Experts"), "convinced", "the plan failed")],
    ),
    (
        "He was quoted as saying the plan failed.",
        &[(Some("He"), "quoted", "as saying the plan failed")],
    ),
    (
        "It was reported that the plan failed.",
        &[(None, "reported", "the plan failed")],
    ),
    (
        "Sergei Shoigu, the secretary of the council, announced the agreement after his visit.",
        &[(
            Some("Sergei Shoigu, the secretary of the council"),
            "announced",
            "the agreement",
        )],
    ),
    (
        "He stated the sappers would focus on demining operations in Kursk.",
        &[(
            Some("He"),
            "stated",
            "the sappers would focus on demining operations in Kursk",
        )],
    ),
    (
        "The plan will fail, the minister said.",
        &[(Some("the minister"), "said", "The plan will fail")],
    ),
    (
        "“We will not retreat,” said Jane Doe.",
        &[(Some("Jane Doe"), "said", "“We will not retreat,”")],
    ),
    (
        "Prices rose sharply, according to the central bank.",
        &[(
            Some("the central bank"),
            "according to",
            "Prices rose sharply",
        )],
    ),
    (
        "According to local media, the bridge collapsed overnight.",
        &[(
            Some("local media"),
            "According to",
            "the bridge collapsed overnight",
        )],
    ),
    (
        "Experts estimate that the city could lose power.",
        &[(Some("Experts"), "estimate", "the city could lose power")],
    ),
    (
        "Officials met again, with the rebels reportedly seizing the airport.",
        &[(
            None,
            "reportedly",
            "the rebels reportedly seizing the airport",
        )],
    ),
    (
        "A State Department spokesperson echoed these concerns, stating that the move is troubling.",
        &[(
            Some("A State Department spokesperson"),
            "stating",
            "the move is troubling",
        )],
    ),
    (
        "The ministry expressed serious concerns about the tests.",
        &[(
            Some("The ministry"),
            "expressed serious concerns",
            "about the tests",
        )],
    ),
    (
        "The mayor told reporters that the roads would reopen.",
        &[(Some("The mayor"), "told", "the roads would reopen")],
    ),
    (
        "Bill Clinton: Hillary wants fewer tests in schools.",
        &[(
            Some("Bill Clinton"),
            ":",
            "Hillary wants fewer tests in schools",
        )],
    ),
    (
        "She said: “It is over. We lost.” Then she left.",
        &[(Some("She"), "said", "“It is over. We lost.”")],
    ),
    // the source interrupts the content: the content is the whole (PolNeAR's hull)
    (
        "Too often, Mr. Clarke said, the debate over coal is infected with tribalism.",
        &[(
            Some("Mr. Clarke"),
            "said",
            "Too often, Mr. Clarke said, the debate over coal is infected with tribalism",
        )],
    ),
    (
        "The next day, according to Roffman, Trump made further demands.",
        &[(
            Some("Roffman"),
            "according to",
            "The next day, according to Roffman, Trump made further demands",
        )],
    ),
    // a name after a closing quote is the speaker, whatever its description starts with
    (
        "\"We urge the House to reject it,\" Sarah Warbelow, legal director for the group, said.",
        &[(
            Some("Sarah Warbelow, legal director for the group"),
            "said",
            "\"We urge the House to reject it,\"",
        )],
    ),
    // a second cue of the same subject ends the first content and has a claim of its own
    (
        "She said she had met him twice but said neither man played a role.",
        &[
            (Some("She"), "said", "she had met him twice"),
            (Some("She"), "said", "neither man played a role"),
        ],
    ),
    (
        "A spokesman for the mayor defended the route and said the police had trained for months.",
        &[
            (Some("A spokesman for the mayor"), "defended", "the route"),
            (
                Some("A spokesman for the mayor"),
                "said",
                "the police had trained for months",
            ),
        ],
    ),
    // a determiner phrase with a verb is a clause, not an object
    (
        "Broaddrick said the assault took place in the spring of 1978.",
        &[(
            Some("Broaddrick"),
            "said",
            "the assault took place in the spring of 1978",
        )],
    ),
    // a cue word inside a name or after a number is no cue
    (
        "Campaign spokeswoman Hope Hicks said all staffers sign agreements.",
        &[(
            Some("Campaign spokeswoman Hope Hicks"),
            "said",
            "all staffers sign agreements",
        )],
    ),
    ("Voters in all 50 states picked the economy.", &[]),
    // a relative pronoun is the source as written; the phrase before it is the speaker
    (
        "Graham, who says the allies should send troops, met the president.",
        &[(Some("who"), "says", "the allies should send troops")],
    ),
    (
        "The count left out 40 superdelegates who have not yet announced their choice.",
        &[(Some("who"), "announced", "their choice")],
    ),
    // the writer's impression: the clause is the content, no source, hedged
    (
        "The senator seemed to soften his stance on trade.",
        &[(
            None,
            "seemed",
            "The senator seemed to soften his stance on trade",
        )],
    ),
    // so is an expectation nobody is named for
    (
        "The bill is expected to pass next week.",
        &[(
            None,
            "is expected",
            "The bill is expected to pass next week",
        )],
    ),
    // the question of an interview opener, by its asker when named; a reporter's question is
    // no claim (see non_claims.rs)
    (
        "Asked by Senator Hale whether he would run, the governor smiled.",
        &[(Some("Senator Hale"), "Asked", "whether he would run")],
    ),
    (
        "Asked by a reporter whether he would run, the governor smiled.",
        &[],
    ),
    (
        "Among the precedents at risk, according to Ms. Epstein, are 16 cases.",
        &[(
            Some("Ms. Epstein"),
            "according to",
            "Among the precedents at risk, according to Ms. Epstein, are 16 cases",
        )],
    ),
    // a capitalised function word right before the cue is a surname
    (
        "\"The movie was nasty,\" Will wrote.",
        &[(Some("Will"), "wrote", "\"The movie was nasty,\"")],
    ),
    // a leading conjunction is not part of the subject of "and said"
    (
        "But the court overruled and said Ohio provided more early voting.",
        &[(Some("the court"), "said", "Ohio provided more early voting")],
    ),
    // a cue in a leading subordinate clause says no more than that clause
    (
        "Although he acknowledged that the event was tragic, he maintained that it does not change his statements.",
        &[
            (Some("he"), "acknowledged", "the event was tragic"),
            (
                Some("he"),
                "maintained",
                "it does not change his statements",
            ),
        ],
    ),
    // a time phrase between the cue and its quotation
    (
        "He also stated a day earlier, \"We will win.\"",
        &[(Some("He"), "stated", "\"We will win.\"")],
    ),
    // a description after a quotation, whatever its first word
    (
        "\"They steal,\" state Senate leader Phil Berger, a Republican, said in a statement.",
        &[(
            Some("state Senate leader Phil Berger, a Republican"),
            "said",
            "\"They steal,\"",
        )],
    ),
    // a quantity as the source
    (
        "In the poll, only 24 percent said she did nothing wrong.",
        &[(Some("only 24 percent"), "said", "she did nothing wrong")],
    ),
    // a relation, then the name
    (
        "\"We need him,\" his wife, Gabriela Lazar, wrote in a letter.",
        &[(
            Some("his wife, Gabriela Lazar"),
            "wrote",
            "\"We need him,\"",
        )],
    ),
    // "as X reported," before or after the content
    (
        "Just weeks ago, as Western Journalism reported, the two men met in secret.",
        &[(
            Some("Western Journalism"),
            "reported",
            "the two men met in secret",
        )],
    ),
    (
        "The two men met in secret, as the Post noted.",
        &[(Some("the Post"), "noted", "The two men met in secret")],
    ),
    // "this past week" between the subject and the cue
    (
        "Reince Priebus, the GOP chairman, this past week announced the creation of a website.",
        &[(
            Some("Reince Priebus, the GOP chairman"),
            "announced",
            "the creation of a website",
        )],
    ),
    // a description too long to parse runs from the quotation to the cue; "of the plan" is no source
    (
        "\"It is responsible,\" Leonard Burman, director of the Tax Policy Center and a professor at Syracuse University, said of the plan.",
        &[(
            Some(
                "Leonard Burman, director of the Tax Policy Center and a professor at Syracuse University",
            ),
            "said",
            "\"It is responsible,\"",
        )],
    ),
    // "in 2010" between a relative pronoun and its cue
    (
        "McConnell, who in 2010 said the goal was to beat Obama, is now the leader.",
        &[(Some("who"), "said", "the goal was to beat Obama")],
    ),
    // "said" takes a clause, even one that starts like a noun phrase
    (
        "She said the place prides itself on its blend of races.",
        &[(
            Some("She"),
            "said",
            "the place prides itself on its blend of races",
        )],
    ),
    // "$15" inside a name
    (
        "Fight for $15 organizing director Kendall Fells told reporters the strike would go on.",
        &[(
            Some("Fight for $15 organizing director Kendall Fells"),
            "told",
            "the strike would go on",
        )],
    ),
    // after a clause that is no quotation, the quotation after the cue is the content (and
    // the unasked question no claim)
    (
        "Asked to describe the device, O'Neill said, \"Not going to go into that.\"",
        &[(Some("O'Neill"), "said", "\"Not going to go into that.\"")],
    ),
    // a quoted show title inside the adverbial after the cue
    (
        "\"He is right,\" Flynn, a Trump surrogate, said Thursday on Fox News’s “Fox and Friends.”",
        &[(Some("Flynn, a Trump surrogate"), "said", "\"He is right,\"")],
    ),
    // a second verb of saying ends the first content
    (
        "China said it was opposed to the test and warned North Korea to refrain from further actions.",
        &[
            (Some("China"), "said", "it was opposed to the test"),
            (
                Some("China"),
                "warned",
                "North Korea to refrain from further actions",
            ),
        ],
    ),
    // a content that ends with a quotation goes on with the next one
    (
        "Yet Trump is also a “change agent,” Cole said. “That’s exactly what people want right now.”",
        &[(
            Some("Cole"),
            "said",
            "Yet Trump is also a “change agent,” Cole said. “That’s exactly what people want right now.”",
        )],
    ),
    // "so", "as much": the pro-form is the content
    (
        "The candidate said so in December.",
        &[(Some("The candidate"), "said", "so")],
    ),
    (
        "Mook said as much in an interview on Thursday.",
        &[(Some("Mook"), "said", "as much")],
    ),
    // a quotation closing the writer's own clause is not the speaker's
    (
        "Asked whether Clinton “has the integrity to serve,” 52 percent said yes.",
        &[(Some("52 percent"), "said", "yes")],
    ),
    (
        "Melanie said yes, yes, yes, over and over again.",
        &[(Some("Melanie"), "said", "yes, yes, yes")],
    ),
    // a participle after an apposition's cue speaks for the sentence's subject; a day
    // after a cue is never its subject, and the verb whose adverbial runs into the
    // participle has no content of its own
    (
        "Roy Cooper, a Democrat, spoke Friday in Raleigh, saying that the plan would fail.",
        &[(Some("Roy Cooper"), "saying", "the plan would fail")],
    ),
    (
        "Roy Cooper, the governor's opponent, wrote Friday on Twitter, adding that the plan would fail.",
        &[(Some("Roy Cooper"), "adding", "the plan would fail")],
    ),
    // an opening participle whose comma closes a quotation
    (
        "After saying her foot was “so swollen I could barely walk,” she was taken to a hospital.",
        &[(
            Some("she"),
            "saying",
            "her foot was “so swollen I could barely walk,”",
        )],
    ),
    // openers one after another before the subject of coordinated verbs
    (
        "Once in my early 20s, when my mother drove us home, I laughed and said, “I don't believe in the devil.”",
        &[(Some("I"), "said", "“I don't believe in the devil.”")],
    ),
    // a time, a "more ...ly" adverb, a long participle phrase or a place opens the
    // sentence before its subject
    (
        "Sunday morning, Clinton met the mayor, saying the shift was a flip-flop.",
        &[(Some("Clinton"), "saying", "the shift was a flip-flop")],
    ),
    (
        "More recently, Rubio has shifted his tone, saying that terrorism is the main threat.",
        &[(Some("Rubio"), "saying", "terrorism is the main threat")],
    ),
    (
        "Casting himself as her prosecutor in a mock trial, Mr. Christie roused the crowd, saying she was guilty.",
        &[(Some("Mr. Christie"), "saying", "she was guilty")],
    ),
    (
        "Outside the arena, the protesters gathered, saying the vote was rigged.",
        &[(Some("the protesters"), "saying", "the vote was rigged")],
    ),
    // "this" before no time is no adverbial: what follows the one told is said
    (
        "While the talks stalled, Cornyn told reporters this was the only chance.",
        &[(Some("Cornyn"), "told", "this was the only chance")],
    ),
    // a quotation inside the content is no apposition's edge, and a description after
    // the inverted source is not said
    (
        "Couple exposure with a “candidate who is a lightning rod” and people get nervous, said Christine Link, director of the ACLU.",
        &[(
            Some("Christine Link"),
            "said",
            "Couple exposure with a “candidate who is a lightning rod” and people get nervous",
        )],
    ),
    // a spaced straight quote after a comma or an inner quote closes the quotation
    (
        "\"She will be 'above the president,' \" said Khin Zaw Win.",
        &[(
            Some("Khin Zaw Win"),
            "said",
            "\"She will be 'above the president,' \"",
        )],
    ),
    (
        "''The reason is simple, '' said Mr. Gunnels.",
        &[(Some("Mr. Gunnels"), "said", "''The reason is simple, ''")],
    ),
    (
        "And then Trump went on the attack, saying the plan failed.",
        &[(Some("Trump"), "saying", "the plan failed")],
    ),
    (
        "This year, he rose to the defense of the president, saying he should win.",
        &[(Some("he"), "saying", "he should win")],
    ),
    // the cue before a participle is a verb, not a name, and an adverb before that verb
    // is not its subject
    (
        "Some candidates have called for the United States to send troops, saying airstrikes have failed.",
        &[(Some("Some candidates"), "saying", "airstrikes have failed")],
    ),
    (
        "Warren appeared with Maddow and officially endorsed Clinton, saying she was ready.",
        &[(Some("Warren"), "saying", "she was ready")],
    ),
    // the one behind a document is part of the source
    (
        "According to an analysis by the Pew Research Center, turnout rose.",
        &[(
            Some("an analysis by the Pew Research Center"),
            "According to",
            "turnout rose",
        )],
    ),
    (
        "Turnout rose, according to audio provided by Wyoming Public Radio.",
        &[(
            Some("audio provided by Wyoming Public Radio"),
            "according to",
            "Turnout rose",
        )],
    ),
    // a percentage is a subject
    (
        "On terrorism there is less consensus: 47% say the United States should send troops.",
        &[(Some("47%"), "say", "the United States should send troops")],
    ),
    // a list of quotations is one content
    (
        "He denounced “a rigged system,” “corrupt elites” and “the media.”",
        &[(
            Some("He"),
            "denounced",
            "“a rigged system,” “corrupt elites” and “the media.”",
        )],
    ),
    // a passive with no one named: its whole clause is what is attributed
    (
        "The deal was criticized as too weak.",
        &[(None, "criticized", "The deal was criticized as too weak")],
    ),
    (
        "The committee is expected to release its report this summer, but nobody knows when.",
        &[(
            None,
            "is expected",
            "The committee is expected to release its report this summer",
        )],
    ),
];

#[test]
fn pattern_table() {
    let cues = CueLexicon::bundled().unwrap();
    for (text, want) in PATTERNS {
        let mut tokens = Vec::new();
        tokenize(text, &mut tokens);
        let sentences = split_sentences(text, &tokens);
        let got: Vec<(Option<&str>, &str, &str)> =
            find_claims(text, &tokens, &sentences, &cues, None, None)
                .iter()
                .map(|c| {
                    (
                        c.source.map(|s| s.slice(text)),
                        c.cue.map_or("", |s| s.slice(text)),
                        c.content.slice(text),
                    )
                })
                .collect();
        assert_eq!(&got, want, "\ntext: {text}");
    }
}
