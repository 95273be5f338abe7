"""The speech acts the grader credits, as data: word classes and the frames built from them.

Read a frame as a sentence skeleton: "{AUX} {THAT} [all] {MAKE} sense" is "does that
make sense", "did all that make sense", "do it all make sense"... See `grammar.py`
for the notation. Text is already normalised (lower case, texting forms expanded:
"u" -> "you", "gotta" -> "got to", "callin'" -> "calling"), so the tables list
plain words only. Add a phrasing by adding a word to a class or a line to a frame.
"""

from __future__ import annotations

CLASSES: dict[str, str] = {
    # --- people and pointers -------------------------------------------------
    "YOU": "you | y'all | yall | you all | you guys | we | folks",
    "I": "i | we",
    "ME": "me | us",
    "THAT": "that | this | it | all that | all of that | all this | all of this | everything | that all | it all"
    " | this all | any of that | any of this | any of it | all that stuff | that part | those steps",
    "EVERYONE": "anyone | anybody | everyone | everybody | most people | a lot of people | lots of people | folks"
    " | any parent | any of us | me too | me | a person",
    "ARTICLE": "a | an | such a | such an | the | a real | one | quite a",
    # --- verbs ---------------------------------------------------------------
    "AUX": "do | does | did | is | are | was | were | have | has | am | can | could | would | will",
    "CAN": "can | could | may | might | shall | should",
    "HELP_VERB": "help | help you | help you with | do | do for you | assist | assist you | assist you with | get"
    " | get you | take care of | look into | look up | answer | help out | be of help | be of assistance | check",
    "NEED": "need | needed | want | wanted | require | required",
    "EXPLAIN": "explain | clarify | go over | go through | repeat | walk you through | run through | run you through"
    " | break down | break it down | say again | explain again | go over again | spell out | explain further"
    " | went over | explained | repeated | walked you through | ran through | go through it | say it again",
    "UNDERSTAND": "follow | following | understand | understanding | track | tracking | get | getting | catch | see",
    "ANSWERED": "answer | answered | cover | covered | explain | explained | address | addressed | help | helped"
    " | clear up | cleared up | clear things up | take care of | answer everything",
    "COPULA": "must of been | must of | would of been | could of been | 's | is | are | was | were | sounds | sound | seems | feels | must be | must have been | has been"
    " | have been | 's been | 's got to be | has got to be | got to be | has to be | would be | 'd be | can be"
    " | looks | sounds like | seems like | feels like | must feel | sounds like it was | sounds like it's",
    "SUBJ": "that | this | it | which | that's | it's | this is | that is | it is | that was | it was | that'd"
    " | that would | it'd | it would | those | these | that whole thing | all that | all of that",
    # who a feeling word is said of. Sympathy names what they told ("that's awful", "all that sounds
    # scary"), at the head of its clause; "it" and "which" may be the speaker's own story or a rule of
    # life ("it's hard to heal when you're working", "which sucks because my dad..."), so they need a
    # tail that points at the listener's situation ({FEEL_TAIL}) or the clause to end there.
    "DEIXIS": "that | this | that's | this is | that is | that was | this was | that'd | that would | those"
    " | these | those are | these are | that whole thing | the whole thing | this whole thing | all that"
    " | all of that | all this | all of this | that's all | that all | all that's | that's been | this has been"
    " | that has been | what happened | what you went through | what you're going through"
    " | what you've been through | what they did | what he did | what she did | your situation"
    " | the waiting | the not knowing | not knowing | the waiting part | that part | sounds | sound | seems"
    " | must be | must have been | must've been | gotta be | got to be | has to be | has got to be"
    " | that's just | that's really | that is just | that sure is | that sure sounds | that really is",
    "IT": "it | it's | it is | it was | it'd | it would | it's been | it has been | it all | it's all | which"
    " | which is | which was | which must be | which has been | which sounds",
    "LEAD": "{OH} | {VOCATIVE} | ugh | aw | aww | awww | oof | ooh | yikes | dang | damn | boy | whew | phew | yeah"
    " | yes | yep | yup | yea | ya | look | listen | honestly | seriously | i mean | you know | of course"
    " | no doubt | no question | sounds like | seems like | gosh darn | heck | shoot | sheesh | ay | ay dios mio"
    " | dios mio | ah | ahh | mm | mmm | hmm | oh wow | oh jeez | ugh man | man oh man | bless you | bless your heart"
    " | not going to lie | to be honest | bro | dude | deadass | fr | for real | lowkey | highkey | no cap | omg"
    " | oh my god | sheesh | yo | welp | alas | truly | frankly | goodness me | oh my | my my | lord have mercy",
    "ACK": "i know | i know that | we know | i understand | i understand that | i get | i get that | i see"
    " | i can see | i can see that | i can tell | i can tell that | i can imagine | i bet | i'm sure | i am sure"
    " | i'm sure that | i'd imagine | i imagine | i'm guessing | i guess | i think | i feel like | i hear you"
    " | i hear ya | i hear that | i realize | i realise | i realize that | i appreciate | i appreciate that"
    " | i totally get that | i totally understand | i completely understand | i totally get it | i get it"
    " | i believe | i believe it | know | understand | get that | i just know | i do know | i know it"
    " | i'm sorry | i'm so sorry | sorry | so sorry | i can only imagine | i can't imagine | i really do know"
    " | i recognise | i recognize | i recognise that | i recognize that | i acknowledge | i acknowledge that"
    " | i'm aware | i'm aware that | i am aware that | we recognise | we recognize | we understand"
    " | we appreciate | we appreciate that | we realize | we can see | we can imagine | i do understand"
    " | i fully understand | i fully appreciate | i completely get that | i totally know",
    "FEEL_TAIL": "for you | for y'all | for you all | for you guys | for you both | for both of you"
    " | for your family | for the kids | for a parent | for anyone | for anybody | for everyone | for everybody"
    " | for her | for him | for them | for the family | to you | to y'all | to her | to him | to them"
    " | to your family | on you | on your family | on the kids | on y'all"
    " | on everyone | on you both | to go through | to deal with | to hear | to come home to | to wake up to"
    " | to find | to find out | to have happen | to see | to watch | to handle | to live with | to face"
    " | to sit through | to take in | to process | to experience | to be in | to carry | to learn | to lose"
    " | to put up with | to wait | to wait for | to wait on | to not know | to have to deal with"
    " | to have to go through | to be going through | to be dealing with | to hear about | to get"
    " | right now | at the moment | today | tonight | this morning | lately | already | too | as well | i know"
    " | i'm sure | i bet | i imagine | i can imagine | i'm sorry | i'm so sorry | honestly | really | of course"
    " | no doubt | for sure | big time | to say the least | all around | on top of everything"
    " | on top of all that | with everything else | with everything | with all that | with all of that",
    "OPEN_TAIL": "when | whenever | if | that | how | what | not knowing | knowing | waiting | having to"
    " | having | seeing | hearing | losing | dealing with | going through | finding | coming home | wondering"
    " | worrying | watching | to have to | especially | after | after all | on top of | considering"
    " | with everything | with all | being | not getting | not being | not seeing | not hearing | not having"
    " | not being able | than | without | with | at night | at this hour | at that hour | in the middle of",
    "DEIXIS_TAIL": "but | and | so | because | cause | since | though | especially | i'm sorry | sorry",
    "OUR_THING": "my computer | my computer's | my system | my screen | my phone | my line | my printer | my mistake"
    " | my bad | my fault | my apologies | my english | my hearing | my connection | my signal | my battery"
    " | my keyboard | my typing | my memory | my head | my colleague | my coworker | my partner | my supervisor"
    " | my sergeant | my boss | my other line | my lunch | my shift | my break | my desk | my eyes | my spelling"
    " | our computer | our computers | our system | our system's | our phones | our phone | our line | our lines"
    " | our printer | our website | our office | our records | our policy | our staff | our hours | our end"
    " | our mistake | our bad | our fault",
    "IMAGINED": "how | what it's | what it was | what it must | what that | what this | what you | what y'all | what your | what they | what he | what she | being"
    " | having | going through | dealing | finding | coming home | waking up | hearing | losing | not knowing"
    " | your | you | y'all | the stress | the worry | the fear | the frustration | the pain | the shock"
    " | the heartbreak | the panic",
    "INFER": "sounds | sounds like | seems | seems like | looks like | must be | must have been | must've been"
    " | must of been | has got to be | 's got to be | got to be | has to be | have to be | would be | 'd be"
    " | would have been | 'd have been | would've been | can't be | cannot be | must feel | must feel like",
    # --- feelings ------------------------------------------------------------
    "INTENS": "so | really | very | incredibly | pretty | super | quite | absolutely | truly | extremely | just"
    " | awfully | terribly | seriously | real | totally | completely | such | way | honestly | genuinely"
    " | so very | really really | damn | darn | dang | mighty | plumb | right | actually | kinda | kind of | lowkey"
    " | plain | just plain | downright | flat out | literally | legit | adequately | properly | clearly | sufficiently | fully | entirely | perfectly | certainly | most | utterly | deeply | sooo | hella",
    "VOCATIVE": "sir | ma'am | darling | hon | honey | sweetie | sugar | dear | man | buddy | bud | friend | folks"
    " | guys | y'all | mate | miss | mister | son | sweetheart | young man | young lady | pal | boss | chief",
    "TAG": "{VOCATIVE} | right | huh | eh | yeah | then | my friend | my dear | bro | dude | hun | babe | love"
    " | fam | ma | mama | mami | papi | mijo | mija | amigo | for real | fr | frfr | no cap | to be honest"
    " | not going to lie | deadass | fr fr",
    "BARE_FEELING": "awful | terrible | horrible | rough | brutal | the worst | dreadful | scary | nasty | rotten"
    " | lousy | crappy | heartbreaking | yikes | oof | ouch | so scary | so rough | how awful"
    " | rough one | tough one | brutal one | awful one | a rough one | a tough one | that stinks",
    "FEELING": "unpleasant | dreadful | ghastly | godawful | wretched | frustrating | stressful | scary | frightening | terrifying | upsetting | awful | terrible | horrible"
    " | hard | difficult | worrying | concerning | overwhelming | exhausting | rough | tough | distressing"
    " | traumatic | traumatizing | annoying | alarming | unsettling | infuriating | maddening | aggravating"
    " | heartbreaking | painful | unfair | nerve wracking | nerve racking | nervewracking | violating | unnerving"
    " | disturbing | shocking | devastating | horrifying | a nightmare | a hassle | a headache | a pain | a mess"
    " | a shame | a shock | a lot | a lot to deal with | a lot to handle | a lot to take in | so much | no fun"
    " | not easy | no joke | heavy | the worst | the pits | a bummer | a drag | rotten | lousy | crappy | crummy"
    " | miserable | sad | awful luck | bad luck | tough luck | hard luck | a gut punch | gut wrenching"
    " | heartbreaking | brutal | a big deal | big thing | a big thing | very big thing | no good | not fun"
    " | not okay | not right | a real pain | a blow | a kick in the teeth | creepy | spooky | freaky"
    " | sickening | invasive | humiliating | embarrassing | confusing | a sick feeling | a sinking feeling"
    " | insult to injury | salt in the wound | a loss | a real loss | a big loss | a huge loss | a terrible loss"
    " | a hard loss | a hit | a real hit | a big hit | a pain in the neck | a pain in the butt | a royal pain"
    " | a real kick in the teeth | a gut punch | messed up | so messed up | screwed up | not cool | uncalled for"
    " | outrageous | out of line | despicable | shameful | a low blow | cruel | heartless | just wrong | so wrong",
    "BAD": "long | alarming | distressing | terrifying | unsettling | traumatic | disturbing | shocking | devastating"
    " | horrifying | worrying | painful | nerve wracking | heartbreaking | scary | unpleasant | sorry | bad | dreadful | ghastly | godawful | wretched | awful awful | heartbreaking | hard old | lousy | crummy | crappy | rotten | sinking | helpless | awful | terrible | horrible"
    " | rough | tough | scary | frightening | stressful | hard | difficult | miserable | sad | sucky | cruddy"
    " | frustrating | upsetting | nasty | ugly | unfair | brutal | worst | saddest | scariest | hardest | toughest"
    " | roughest",
    "SITUATION": "fright | scare | thing | feeling | way | situation | experience | day | night | morning | afternoon | evening"
    " | week | weekend | time | spot | position | place to be | thing to go through | thing to deal with"
    " | thing to come home to | thing to wake up to | thing to find | thing to happen | break | deal"
    " | surprise | start | end | ordeal | shock | hand | couple of days | few days | position to be in"
    " | spot to be in | thing to have happen",
    "UPSET": "upset | frustrated | worried | angry | scared | annoyed | stressed | stressed out | mad | furious"
    " | shaken | shaken up | frightened | anxious | nervous | afraid | rattled | freaked out | hot | livid"
    " | ticked | ticked off | fit to be tied | beside myself | a wreck | a mess | heartbroken | devastated"
    " | exhausted | worn out | worn down | on edge | panicked | panicking | terrified | overwhelmed"
    " | lost it | lost my mind | lost my cool | lost my temper | freaking out | freaked | madder | livid"
    " | up all night | up all night worrying | in tears | crying | losing sleep | up the wall | a nervous wreck"
    " | pulling my hair out | losing my mind | climbing the walls | sick about it | sick | steamed | fuming"
    " | hopping mad | spitting mad | hot about it | mad about it | upset about it | worried sick"
    " | heated | irritated | pissed | bothered | miffed | peeved | shook | spooked | creeped out | nervous wreck"
    # fed up, at the end of one's rope: regional, generational and non-native ways to say it
    " | fed up | fed up with it | fed up with this | sick of it | sick and tired | sick to death of it | had it"
    " | had enough | at the end of your rope | at your wits' end | at your wit's end | at your wits end"
    " | at the end of your tether | done with it | over it | frazzled | fried | burnt out | burned out | run ragged"
    " | losing patience | out of patience | worked up | all worked up | riled up | bent out of shape | in a state"
    " | in a tizzy | in a flap | in a lather | in a stew | het up | wound up | cheesed off | hacked off | narked"
    " | gutted | vexed | exasperated | aggravated | distraught | beside yourself | beside herself | beside himself"
    " | jittery | jumpy | uneasy | on pins and needles | on tenterhooks | antsy | panicky | big mad | pressed"
    " | tilted | stressing | stressing out | tore up | torn up | all tore up | shook up | distressed | troubled"
    " | perturbed | agitated | aggrieved | indignant | shattered | crushed | irked | steaming | seeing red"
    " | up in arms | hurting | disappointed | let down | insulted | disrespected | helpless | powerless | violated"
    " | unsafe | embarrassed | humiliated | fearful | very worry | so worry | worry | scare | in shock | shocked"
    " | scared stiff | scared to death | scared out of your mind | freaking | worried to death | sick with worry",
    "AFFECT": "frighten | frightened | terrify | terrified | scared | scare | upset | rattle | shake | shake up | wear | wear down | worry | frustrate | freak | freak out"
    " | unnerve | spook | get to | drive | break | stress | stress out | bother | anger | tick off | rattle"
    " | scared | upset | rattled | shook | frustrated | bothered | spooked | worried",
    "FEELING_NOUN": "frustration | concern | concerns | worry | worries | fear | fears | anger | stress | feelings"
    " | situation | position | pain | disappointment | upset | distress | point",
    "REASSURE": "not silly | not a bother | not your fault | not stupid | nothing to be ashamed of"
    " | nothing to be embarrassed about | nothing to be sorry for | not in any trouble | not in trouble"
    " | not alone | not overreacting | not crazy | safe now | in the right place | in good hands",
    # --- wellbeing, and the feelings of others the visitor cares about --------
    "OH": "oh | oh no | oh my god | oh my gosh | oh my goodness | oh dear | oh man | oh lord | goodness | gosh"
    " | geez | jeez | wow | whoa | wait | yikes | lord | dear | man | okay | alright | first | first off | but | and"
    " | so | well | hey | my god | my goodness | good lord | good grief | jesus | god",
    "KIN": "mom | mother | mama | momma | mum | dad | father | papa | daddy | son | daughter | kid | kids | child"
    " | children | baby | little one | little ones | boy | girl | husband | wife | partner | boyfriend | girlfriend"
    " | family | grandma | grandmother | grandpa | grandfather | granny | nana | parents | brother | sister | aunt"
    " | uncle | friend | dog | cat | passenger | passengers | driver | other driver | roommate | pet | puppy"
    " | kitty",
    "WHO": "you | y'all | you all | you guys | you two | you both | both of you | you folks | everyone | everybody"
    " | you and the kids | you and your family | you and the family | you and your kids | you and the baby"
    " | everyone else | everybody else | all of you | anyone | anybody | he | she | they | {KIN}",
    "NOBODY": "nobody | no one | noone | none of you | nobody else | no one else | not anybody | not anyone",
    "POSS": "your | the | his | her | their | y'all's | the other",
    "WHO_EXTRA": "in your family | in the car | in the house | at home | involved | else | in the other car | there"
    " | inside | with you | in there",
    "WELL": "okay | ok | alright | all right | fine | safe | unhurt | uninjured | safe and well | safe and sound"
    " | in one piece | alright physically | doing okay | doing alright | doing all right | doing ok | doing fine",
    "AFTER": "now | right now | there | over there | in there | though | after that | after all that | at home"
    " | where you are | at all | yourself | both | physically | otherwise | i hope | hopefully | {VOCATIVE}",
    "THIRD": "owner | owners | whoever | whoever's | someone | somebody | someone's | somebody's | {KIN} | kid's"
    " | mom's | dad's | family's | owner's",
    "THEY": "he | she | they | he's | she's | they're | he'll | she'll | they'll | he'd | she'd | they'd",
    "THIRD_MODAL": "be | been | probably | definitely | def | surely | likely | no doubt | bound to be",
    "THIRD_SURELY": "must | must be | must have been | must have | probably | definitely | def | surely | no doubt"
    " | bound to be | got to be | has got to be | have got to be | 's got to be | 've got to be",
    "THIRD_UPSET": "worried | worried sick | sick with worry | worried to death | frantic | panicking | panicked"
    " | in a panic | beside themselves | beside himself | beside herself | heartbroken | devastated | distraught"
    " | terrified | scared | scared to death | scared stiff | frightened | freaking out | going crazy"
    " | out of their mind | out of their minds | out of his mind | out of her mind | a wreck | a nervous wreck"
    " | upset | anxious | shaken | shaken up | traumatized | in tears | crushed | gutted | missing it | missing him"
    " | missing her | missing them | sick about it | stressed | stressed out | lost without it | heartsick"
    " | on edge | tearing their hair out | pulling their hair out | losing their mind | losing sleep"
    " | going through hell | going through a lot | going through so much | going through it | in pieces",
    "THIRD_RELIEF": "relieved | thrilled | over the moon | tickled | tickled pink | overjoyed | ecstatic | happy"
    " | glad | grateful | thankful | delighted | stoked",
    "RELIEF_TAIL": "to get | to have | when | once | that | you found | you turned | you brought"
    " | someone found | somebody found | it's back | it turned up | to know it's | to know you | you called",
    "SURE": "i'm sure | i am sure | i bet | bet | i imagine | i'd imagine | i'm guessing | i'd bet | no doubt | surely"
    " | i'm certain | i just know | i know",
    # --- sorry for what someone else put them through (not the desk's own conduct)
    "AGENT": "dmv | the dmv | mvd | the mvd | bmv | the bmv | dmv's | the city | city hall | the city's | the county"
    " | the county's | the state | the state's | the court | the courts | the courthouse | the court's"
    " | the clerk's office | the tow company | the towing company | the tow company's | the tow yard | the impound"
    " | the impound lot | the hospital | the hospital's | the bank | the bank's | the insurance | the insurance company"
    " | your insurance | your insurance company | the insurance company's | the other office | another office"
    " | the other office's | the other station | another station | the other department | another department"
    " | the other agency | another agency | the other precinct | the last office | the last place | the other place"
    " | the people over there | the folks over there | the people at | the folks at | somebody else | someone else"
    " | the landlord | the school | the phone company | the utility company | the post office | the highway patrol"
    " | animal control | social security | the va | immigration | the irs | the airline | the dealership"
    " | the repair shop | whoever you talked to | whoever you spoke to | the person you spoke to"
    " | the person you talked to | the operator | the property manager | the management | the leasing office",
    "FAILING": "runaround | run around | mix up | mixup | mess | hassle | confusion | headache | nonsense | red tape"
    " | bureaucracy | screwup | screw up | mistake | error | fiasco | circus | back and forth | delay | delays | wait"
    " | treatment | trouble | bounce around | bouncing around | ordeal | experience | rudeness | attitude",
    "FAIL_VERB": "sent | send | sending | gave | give | giving | told | kept | keep | keeping | made | bounced"
    " | bouncing | jerked | jerking | pushed | passed | passing | shuffled | treated | misdirected | misinformed"
    " | misled | messed | mixed | lost | dropped | ignored | turned | charged | overcharged | towed | hung up on"
    " | brushed | blew | stonewalled | referred | redirected | pointed | routed | transferred | wasted | dumped"
    " | bumped | ran | run | didn't | couldn't | never | refused | forgot | screwed | failed | got",
    "YOU_GOT": "you | you've | you're | you'd | y'all | you all | you guys | you were | you had | you got | you've been"
    " | you have been | you have | y'all were | y'all got",
    # --- help and questions --------------------------------------------------
    "ELSE": "anything else | something else | anything more | something more | anything further | anything other"
    " | anything additional | something further | anything at all | any other thing | anything else at all"
    " | anythig else",
    "OTHER": "other | further | additional | more | else",
    "MATTER": "way | ways | thing | things | matter | matters | issue | issues | business | concern | concerns"
    " | question | questions | item | items | help | assistance | service",
    "TIMEFRAME": "today | right now | now | this morning | this afternoon | this evening | tonight | while you're here"
    " | while your here | while you are here | while you're in | while you're at it | while we're here | then"
    " | at all | this time | at this time | before you head out | before you head off | before we finish"
    " | while i have you | while i got you | while we're at it | while i've got you | before you go"
    " | before i let you go | before we hang up | before you leave | at the moment | for now | on your mind"
    " | in the meantime | on the line | while you're on the line"
    # before the contact ends or is handed over: "anything else before I connect you?"
    " | before i connect you | before i transfer you | before i put you through | before i send you over"
    " | before i pass you over | before i pass you on | before i hand you over | before i hand you off"
    " | before i patch you through | before i get you over | before i connect you over | before i transfer you over"
    " | before we wrap up | before we wrap this up | before we finish up | before we go | before i go"
    " | before we end | before we end the call | before i hang up | before you take off | before you get going"
    " | before you head home | before you hop off | before we get off the phone | before we sign off"
    " | before i let you get on | before i let you get back | before i let you off | before i connect"
    " | before i transfer | before you head over | before you head down | before you go over | before you run"
    " | before we say goodbye | before i get the deputy | before i grab the deputy | before the deputy comes out"
    " | before i put you on hold | before i put the interpreter on | before i bring the interpreter in",
    "HANDOFF": "before i connect you | before i transfer you | before i put you through | before i send you"
    " | before i pass you | before i hand you | before i patch you | before i get you over | before i bring"
    " | before we wrap | before we finish | before we go | before i go | before we end | before i hang up"
    " | before you take off | before you get going | before you head | before you hop off | before you go"
    " | before you leave | before i let you | before we get off | before we sign off | before i get the"
    " | before i grab the | before the deputy | before the interpreter | before i put you on hold",
    "QUESTIONS": "questions | question | concerns | q | doubts | doubt | queries | query",
    "EXPLAINED": "these instructions | the instructions | those instructions | my instructions | the steps | those steps"
    " | these steps | what you need to do | what to do | the process | how this works | how it works | how that works"
    " | what happens next | what i explained | the plan | the next steps | what i've told you | what i told you"
    " | everything i said | what i just said | what to do next | what's next | what comes next"
    " | what you need to do next | what i explain | what i explained | what i say | what i'm telling you"
    " | what i told you | the directions | those directions | all the steps | the procedure",
    "UNCLEAR": "requires clarification | needs clarification | needs explaining | needs clarifying | unclear | confusing | confused | not clear | fuzzy | hard to follow | complicated | murky"
    " | need clarifying | need explaining | you didn't get | you didn't understand | that didn't make sense"
    # the check asked in the negative, as people talk: "any of that not make sense?", "anything not clicking?"
    " | not make sense | not making sense | don't make sense | doesn't make sense | didn't make sense | not clear"
    " | isn't clear | wasn't clear | not clicking | not click | didn't click | not land | didn't land | not add up"
    " | didn't add up | still fuzzy | still unclear | still confusing | not sink in | didn't sink in"
    " | you didn't follow | you couldn't follow | you didn't catch | you missed | went over your head | too fast",
    "SO_FAR": "so far | okay | ok | alright | all right | good | now | there | on that | on all that | right"
    " | with that | with all that | enough | as mud | then | yet | for you | to you | with me | now then",
    "PLAN": "the plan | that plan | this plan | the arrangement | that arrangement | this arrangement"
    " | that approach | this approach | the approach | that idea | that option | this option",
    "THAT_PLAN": "that | this | that all | all that | all of that | everything | {PLAN}",
    # ("all right" is in frames of its own: its words are too common to find the frame by)
    "AGREEABLE": "okay | ok | alright | fine | good | cool | fair | acceptable | agreeable | suitable | doable"
    " | reasonable | workable | convenient | fair enough",
    "BE_AGREEABLE": "be okay | be alright | be fine | be good | be cool | be fair | be acceptable | be agreeable"
    " | be suitable | be doable | be reasonable | be workable | be convenient",
    "GOOD": "good | okay | ok | fine | alright | all right | comfortable | set | straight | square | solid | cool",
    "ABOUT": "with | on | about | for",
    "THANKS": "thank you | thanks | thank y'all | thank yall | many thanks | much thanks | thanks so much"
    " | thank you so much | thanks a heap | thanks a lot | thank you a lot | thanks a bunch | thanks a ton | thanks a million | thank you kindly",
    "THANK_OBJ": "you | y'all | yall | your | it | them | that | this | the | all | everything | folks | ya | everyone"
    " | him | her | people | the call | the heads up | the help",
}

SORRY_OTHERS: tuple[str, ...] = (
    # sympathy for what another office, company or system put them through: "sorry the DMV gave you the
    # runaround", "sorry about the mix-up at the impound lot", "the DMV runaround, sorry about that";
    # an own-conduct apology in the same sentence does not cancel it (the desk did not do it)
    "sorry|apologize [that] {AGENT} ...3 {FAIL_VERB} ...2 you|your|y'all|yourself",
    "sorry [,] {AGENT} ...2 {FAIL_VERB} [...2] you|your|y'all|yourself",
    "sorry|apologize [that] {AGENT} ...2 is|are|was|were|'s|has_been|have_been|is_being|are_being|was_being"
    "|made_it|made_this|made_things|keeps|kept|dragged|dragging|is_dragging|are_dragging [{INTENS}] [{INTENS}]"
    " so|such|slow|difficult|rude|unhelpful|complicated|confusing|a_pain|a_nightmare|their_feet|hard|impossible"
    "|useless|a_hassle|no_help",
    "sorry|apologize about|for [all] [the|that|this|your] [whole] {AGENT} ...2 {FAILING}",
    "sorry|apologize about|for [all] [the|that|this|your] [whole] ...2 {FAILING} [you_had|you_got|you've_had]"
    " at|from|with|by|over_at|down_at|on_the_part_of|on_the_end_of {AGENT}",
    "sorry|apologize about|for [all] [the|that|this|your] [whole] ...2 {FAILING} on_their_end|on_their_part",
    "{AGENT} ...3 {FAILING} [,] [ugh] [{INTENS}] [i'm|we're] [{INTENS}] sorry [about|for|bout] [that|this|all_that]",
    "sorry|apologize [that|for] {YOU_GOT} ...4 at|from|with|by|over_at|down_at|through|on_the_phone_with {AGENT}",
    "sorry [that] {YOU_GOT} [{INTENS}] [got|were|was|'ve_been|have_been|been|get|keep_getting|kept_getting]"
    " [{INTENS}] bounced|passed|shuffled|jerked|pushed|kicked|shunted|handed|sent|given|run|bumped"
    " back_and_forth|around|all_over|from_pillar|from_one|the_runaround|off",
)

EMPATHY: tuple[str, ...] = (
    # sorry for what happened to them (own-conduct and refusal apologies are spoilers)
    "sorry_to_hear|sorry_to_learn|sad_to_hear|awful_to_hear|terrible_to_hear|hate_to_hear|hate_hearing"
    "|sorry_to_know|sorry_to_see|sorry_to_read|sad_to_see|sad_to_read|sad_to_know|sorry_to_find_out",
    # the subject dropped, as in texting and some non-native English: "so sorry going through this",
    # "sorry hurting so much", "sorry things are rough for you"
    "sorry [that] going_through|dealing_with|hurting|feeling|struggling|having_such|having_a|in_such|in_so"
    "|stuck_with|stuck_in|lost|losing|things|everything|life|stuff_is|stuff's|people|everyone|everybody",
    "sorry for|about you|y'all|your_family|you_and|him|her|them|the_kids|your_son|your_daughter|your_mom|your_dad",
    "sorry that_happened|this_happened|it_happened|that_happens|that's_happening|this_is_happening|that_happen"
    "|this_happen|it_happen|this_happening|that_happening|for_what_happen|about_what_happen"
    "|that_this|that_it|that_your",
    "sorry [that] {YOU}|you're|you've|you'd|your|he|she|they|someone|somebody|anyone|it|this|all_this|all_that"
    "|things|everything|life|people|the_kids|the_family"
    "|about_your|about_you're|about_what|about_all|about_everything|about_the_loss|for_your|for_what|for_all"
    "|for_everything",
    "i'm|i|we're|we|i_am|we_are [{INTENS}] [{INTENS}] sorry $",
    "i'm|we're|i_am|we_are|so|really|very|truly|terribly {INTENS} [{INTENS}] sorry about_that|about_all_that|about_this"
    "|about_all_this|for_this|for_that|for_all_this|for_all_that|for_all_of_it $",
    "sorry ... about|for your|you're|ur car|house|home|loss|mom|dad|son|daughter|kid|kids|wife|husband|family"
    "|friend|dog|cat|bike|truck|stuff|things|wallet|phone|purse|situation",
    "^ so|really|very|truly|terribly|awfully sorry $",
    # feelings of the visitor named with understanding
    "{YOU} must|must've|must_have|probably|gotta|got_to [be|been|feel|feeling|be_feeling] [{INTENS}] [{INTENS}]"
    " {UPSET}",
    # said to them, at the head of a clause: "you're worried sick", "and you were scared"; not "if you're
    # worried, see a doctor", "a phase you're going through"
    "^ [{LEAD}] [{LEAD}] [{ACK}] [and|so] you're|you_are|you_were|you've_been|you_sound|you_seem|you_look"
    "|you_must_feel|you_probably_feel|you're_probably|you_feel|you_felt|y'all_are|y'all're|y'all_were"
    " [{INTENS}] [{INTENS}] [feeling] [{INTENS}] {UPSET} [{FEEL_TAIL}] $",
    "^ [{LEAD}] [{LEAD}] [{ACK}] [and|so] you're|you_are|you_were|you've_been|you_sound|you_seem|you_look"
    "|you_must_feel|you_probably_feel|you're_probably|you_feel|you_felt|y'all_are|y'all're|y'all_were"
    " [{INTENS}] [{INTENS}] [feeling] [{INTENS}] {UPSET} [{FEEL_TAIL}] about|with|at|over|because|cause|since|when"
    "|that|after|and|but|so|for|by|of|to|like|than|i|i'm|i_know|i_bet|i'm_sure",
    "no_wonder|of_course|understandable|makes_sense|natural|normal [that] you're|you'd|you_are|you_feel|you_were"
    "|you_would_be|you'd_be|you_get|you're_feeling [{INTENS}] [{INTENS}] {UPSET}",
    "^ no_wonder $",
    "normal|natural|okay|ok|understandable|fine|human|alright|reasonable|fair|common to feel|be|get|worry|panic"
    "|cry|freak_out|be_upset|be_scared|be_nervous|be_worried",
    "every right|every_reason|all_the_right to be|to_feel|to_get",
    "^ [{LEAD}] [{LEAD}] [{ACK}] that's|that_is|it's|this_is|that|which_is|it_is [{INTENS}] [{INTENS}]"
    " understandable|natural|normal|valid|a_fair_concern|a_valid_concern|a_real_concern [{FEEL_TAIL}] $",
    "^ [{LEAD}] [{LEAD}] [{ACK}] that's|that_is|it's|this_is|that|which_is|it_is [{INTENS}] [{INTENS}]"
    " understandable|natural|normal|valid [{FEEL_TAIL}] that|to|if|how|when|you|given|considering|after",
    "your {FEELING_NOUN} is|are|makes|make [{INTENS}] [{INTENS}] understandable|valid|fair|natural|normal|sense",
    "understandably|naturally_you're|naturally_you",
    # I can see / hear / imagine; I understand why
    # "I can only imagine (how scary that was)"; not "if I could imagine the beauty", "I can't imagine myself happy"
    "i|we can|could [only] [{INTENS}] [just] imagine [{FEEL_TAIL}] $",
    "i|we can|could [only] [{INTENS}] [just] imagine [{FEEL_TAIL}] {IMAGINED}",
    "^ [{LEAD}] can|can_only|could [only] [{INTENS}] imagine [{FEEL_TAIL}] $",
    "^ [{LEAD}] can|can_only|could [only] [{INTENS}] imagine [{FEEL_TAIL}] {IMAGINED}",
    "i [{INTENS}] imagine|'d_imagine [that] ...6 {FEELING}|{UPSET}|{BAD}|{THIRD_UPSET}|a_lot|hard|tough|rough",
    "i|we can't|cannot|can_not|couldn't [even] [{INTENS}] [begin_to] imagine [{FEEL_TAIL}] $",
    "i|we can't|cannot|can_not|couldn't [even] [{INTENS}] [begin_to] imagine [{FEEL_TAIL}] {IMAGINED}",
    "^ [{LEAD}] can't|cannot|can_not|couldn't [even] [{INTENS}] [begin_to] imagine [{FEEL_TAIL}] $",
    "^ [{LEAD}] can't|cannot|can_not|couldn't [even] [{INTENS}] [begin_to] imagine [{FEEL_TAIL}] {IMAGINED}",
    "must|must_have|would|would_have|that'd|could|can|that_would|that_must_have|that_must [really] [{INTENS}]"
    " {AFFECT} you|y'all|the_kids|her|him|them|your_family",
    "sorry_to_here|sorry_to_hear|sad_to_here",
    "not_your_fault|none_of_this_is_your_fault|isn't_your_fault|wasn't_your_fault|no_fault_of_yours"
    "|not_on_you|nothing_you_did",
    "caused|causing|put|putting|given|giving you ...3 distress|stress|worry|pain|grief|anxiety|heartache|hardship"
    "|fright|scare|sleepless_nights|headaches",
    "regret that|to_hear|to_learn you|you've|your|this_happened|that_happened|what_happened",
    "i [{INTENS}] [{INTENS}] sympathize|empathize",
    "the_last_thing you|anyone|anybody|y'all need|needed|needs|want|wanted [to_deal_with|to_hear|right_now|now"
    "|to_go_through|tonight|today|on_top_of_everything|on_top_of_all_that|after_all_that|after_everything] $",
    "nobody|no_one|you_don't|you_didn't|you_do_not deserve|deserves|deserved|should_have_to this|that"
    "|any_of_this|any_of_that|what|it|that_kind|this_kind|to|to_be|to_go|to_deal|to_live|to_put|to_feel"
    "|to_have|to_experience|to_be_treated|such",
    "how [{INTENS}] {FEELING} [for] [you|y'all|her|him|them|your_family|the_kids|everyone] [!] $",
    "your {FEELING_NOUN} ...6 understandable|valid|justified|completely_valid|natural|normal|fair",
    "i can [{INTENS}] hear|see|tell|understand|sense|feel|appreciate how|why|what",
    # "I can see this has been hard", "I can hear the worry"; not "I can see the window from here"
    "i can [{INTENS}] hear|see|tell|understand|sense|feel|appreciate that|it's|this|the|your|this_is|that's ...4"
    " {FEELING}|{FEELING_NOUN}|{BAD}|{UPSET}|worried|frustrated|point|concern|concerns|side|through|a_lot|hard"
    "|difficult|tough|rough|care|cared|love|weighing|on_you|toll|hit_you|hitting_you|getting_to_you|got_to_you"
    "|eating_at|shaken|shook|rattled|scared|mean|means",
    # "I can tell you were scared", not "I can tell you the number" or "I can hear you fine"
    "i can [{INTENS}] hear|see|tell|sense you [{INTENS}] care|love|mean_well|tried|have_been_through|'ve_been_through"
    "|went_through|been_through|had_a_rough|had_a_hard|had_a_long|had_a_tough|had_a_bad|really_care|really_love",
    "i [{INTENS}] [{INTENS}] understand|get|know|see|hear|appreciate|feel [{INTENS}] why_you|why_you're"
    "|why_you'd|why_you_are|why_you_were|why_you_feel|why_y'all|why_that|why_this|why_it|why_anyone|why_your"
    "|why_anybody|where_you're_coming_from"
    "|what_you're_going_through|what_you've_been_through|how_you_feel|how_you're_feeling|how_that_feels"
    "|how_it_feels|how_much",
    # "I understand you're upset", "I can see you've been through a lot"; not "I see you have the form"
    "i [can] [{INTENS}] [{INTENS}] understand|get|know|see|hear|tell|sense|appreciate|realize [that] you're|you've"
    "|you_are|you_have|you_were|you_must_be|you_must_have|y'all_are|y'all're|y'all've [{INTENS}] [{INTENS}] [been]"
    " [feeling] [{INTENS}] [{INTENS}] {FEELING}|{UPSET}|{BAD}|through|going_through|dealing|waiting|had_a|having_a"
    "|stuck|in_a_tough|in_a_hard|in_a_bad|in_a_difficult|under|on_edge|at_your_wits|at_the_end|trying|doing_your_best",
    "i [{INTENS}] [{INTENS}] understand|get|know|see|appreciate|feel [{INTENS}] how [{INTENS}] [{INTENS}] {FEELING}"
    "|{UPSET}"
    "|{BAD}|worried|frustrated|upsetting|frustrating",
    "i [{INTENS}] [{INTENS}] understand|get|know|hear|see|appreciate|share your {FEELING_NOUN}",
    "i [{INTENS}] [{INTENS}] understand|get|hear|see|appreciate|share|feel the frustration|concern|worry|fear"
    "|fears|stress|pain|upset|distress|disappointment|worries|concerns|anger",
    "i [{INTENS}] know|understand|realize|see you've|you_have|you're|you_are|you_were|y'all've|y'all_have"
    " [really] been|going|dealing|through|waiting|putting|had|struggling|living",
    "{YOU} 've|have|'re|are|were|went [been] [going] through|dealt_with|gone_through|had [{INTENS}] a_lot|so_much"
    "|enough|a_rough|a_tough|a_hard|the_wringer|hell|it|a_bad|a_terrible|an_awful",
    # what they have been through, acknowledged: "after all you've been through", "I know what you're going
    # through"; not "talk to a therapist about what you're going through", "a phase you're going through"
    "^ [{LEAD}] [{LEAD}] [{ACK}] [what|all|all_that|everything|after|after_all|after_everything|with_all"
    "|with_everything|given_what|given_all|considering_what|considering_all|on_top_of_what|on_top_of_all"
    "|on_top_of_everything] you've_been_through|you_have_been_through|you_went_through|you're_going_through"
    "|you_are_going_through|you're_dealing_with|you_are_dealing_with|you've_been_dealing|you_have_been_dealing"
    "|you've_had_to|you_had_to_go_through|you_have_had_to|you've_been_dealing_with|y'all've_been_through"
    "|y'all_went_through|you've_dealt_with|you_been_through|you_been_dealing",
    "sorry|imagine|appreciate|know|understand|see|hear|sense|tell|apologies|apologise|apologize|sympathy"
    "|sympathies [that] [about|for] [what|all|everything]"
    " you've_been_through|you_have_been_through|you_went_through|you're_going_through|you_are_going_through"
    "|you're_dealing_with|you_are_dealing_with|you've_been_dealing|you've_had_to|you_had_to_go_through"
    "|you've_dealt_with|you_been_through",
    "sounds|seems|looks like [you've|you're|you_are|you_have|things_are|things_have|it's|it_has|you|y'all|y'all've]"
    " [been] [had] [having] [{ARTICLE}] [{INTENS}] [{INTENS}] {FEELING}|{BAD}|{UPSET}|going_through|dealing"
    "|through [{SITUATION}]",
    # anyone would be upset / it would scare anybody / I'd be mad too
    "{EVERYONE} would|'d|is|gets|get|feels|feel|would_be|'d_be|would_feel|would_get|in_your_shoes"
    "|in_your_position|would've|would_have [be] [been] [feel] [get] [{INTENS}] [{INTENS}] {UPSET}|the_same|that_way",
    "{AFFECT} [the] [{INTENS}] anyone|anybody|everyone|everybody|most_people|any_parent|the_best_of_us|a_person"
    "|any_of_us",
    "i'd|i_would|i'd_probably|i'd_definitely|i_would_definitely|i'd_have|i_would_have|i'd've|i_would've [be]"
    " [been] [feel] [get] [{INTENS}] [{INTENS}] {UPSET}|the_same [too|as_well|also|myself] [{FEEL_TAIL}] $",
    "i'd|i_would|i'd_probably|i'd_definitely|i_would_definitely|i'd_have|i_would_have|i'd've|i_would've [be]"
    " [been] [feel] [get] [{INTENS}] [{INTENS}] {UPSET}|the_same [too|as_well|also|myself] if|in_your|in_that"
    "|after|than|like|with|about|in_the|if_someone|if_somebody|over|that|when|knowing|not_knowing|hearing|seeing|finding",
    "i'd|i_would feel|be|do|react|have|think the_same|exactly_the_same|that_way|no_different|just_the_same",
    "i'd|i_would|i'd_be|i_would_be|i'd_feel|i_would_feel [{INTENS}] too|as_well $",
    "^ [{LEAD}] [{LEAD}] that|this|it|that'd|that_would|it'd|it_would|that_would've|that_would_have|that_has"
    "|that's|it_has|it's|that_sure|that_definitely|that_really|that_just|that'll|that_will|that'd_sure|that_would_sure"
    " [{INTENS}] [{INTENS}] have|get|got|make|leave|had|gets|makes|leaves|has me [{INTENS}] {UPSET}",
    "i [just] [{INTENS}] hate|hated that|how|what ...3 you|your|y'all|this_happened|that_happened|it_happened"
    "|happened_to",
    "i [just] [{INTENS}] hate|hated hearing|to_hear [that|this|about|it]",
    "hate_that_for_you|hate_it_for_you|hate_this_for_you",
    # they did well to come; relief; support
    "you did|you've_done|you_done [{INTENS}] [exactly|just|absolutely|totally] the_right_thing|right|great|good"
    "|well|everything_right|a_good_thing|a_smart_thing|a_super_smart_thing|the_smart_thing|nothing_wrong"
    "|what_you_should|the_best_you_could|all_the_right_things|exactly_right|just_right|real_good|so_good",
    "you were|you're|you_are right|smart|wise|brave|so_brave|really_brave|good to|to",
    # thanks for doing the right thing; calling us was the right thing to do; that's very honest of you
    "doing|was [{INTENS}] [exactly|absolutely|just|definitely] the_right_thing",
    "that's|thats|that_is|that_was|that_was_really|it's|it_is|how|so|very|real|really [{INTENS}] honest|decent|thoughtful"
    "|considerate|good|generous|sweet|responsible|neighborly|neighbourly of_you|of_u",
    "good|smart|great|wise call|move|thinking [!] $",
    "^ [{LEAD}] [{LEAD}] [and] you're|you_are|you_were|that_was|that's [{INTENS}] [{INTENS}] smart|brave|careful"
    "|wise|sensible|strong|courageous [of_you] [to|for ...5] $",
    "good|smart|wise thing|move|call|idea|instinct|instincts|thinking [that] [you] called|came|reported|brought"
    "|checked|got|left|stayed|kept|told|reached|let|didn't|did|noticed|thought|asked|calling|coming|reporting"
    "|checking|bringing|asking|waiting|getting|leaving|staying|telling|letting|writing",
    "^ [{LEAD}] [{LEAD}] i'm|i_am|we're|we_are|so|really|just|very|i'm_so|i'm_really|i'm_just|i'm_very|i_am_so"
    "|we're_so|we're_just|am|we're_really [{INTENS}] glad|relieved|thankful"
    "|happy you|you're|she's|he's|they're|everyone's|everybody's|nobody|no_one|nobody's|no_one's|you_all|y'all"
    "|your|the_kids|she|he|they|that_you|you've|it_wasn't|it_was_n't|it's_not|for_you|for_y'all|for_your"
    "|for_both_of_you|for_the_two_of_you|it_worked|it_helped|it_turned_up|it_turned_out|it_went|it_all_worked"
    "|to_hear_you|to_hear_that_you|to_hear_it|to_hear_that|to_know_you|to_see_you|things_worked|things_are_better"
    "|everything_worked|everything's_okay|everything_is_okay",
    # sharing their good news or their struggle: "so proud of you", "hope things get better for you"
    "proud_of_you|proud_of_y'all|proud_of_your|proud_of_both",
    # (things getting better, after a bad time; not a parting "hope it works out", "I wish you the best")
    "hope|hoping|hopefully|wishing|wish|pray|praying [that] things|everything|life|tomorrow|your_day|your_week"
    "|it_all|the_rest [{INTENS}] get_better|gets_better|become_better|becomes_better|look_up|looks_up|turn_around"
    "|turns_around|improve|improves|get_easier|gets_easier|ease_up|eases_up|calm_down|calms_down|settle_down"
    "|settles_down|brighten_up|get_brighter|get_back_to_normal|go_back_to_normal",
    "wishing_you|sending_you|sending [all] [the] [my] strength|hugs|prayers|good_vibes|healing|comfort|love_and_strength",
    "^ [{LEAD}] [big|virtual|warm|gentle|many] hugs|hug|a_hug [{TAG}] [if_you_want_them] $",
    "i'd|i_would|i_wish_i_could|i_want_to|i'd_like_to hug|give_you_a_hug|give_you_a_big_hug [you] [right_now]",
    "that took|that_takes|that_took_a_lot_of|it_took|it_takes courage|guts|strength|a_lot|a_lot_of_courage"
    "|real_courage|bravery",
    "you're|you_are|you're_definitely|you're_absolutely|you're_really|that's|it's|that_is|this_is|you're_not"
    "|you_are_not|you|it {REASSURE}",
    "{REASSURE} at_all",
    "^ [{LEAD}] [{LEAD}] [please] [and] [now] don't|do_not|no_need_to|never|you_don't_need_to|you_shouldn't"
    "|you_should_not|you_have_nothing_to|there's_no_need_to|there's_no_reason_to|no_reason_to [you] [ever] feel|be"
    " [so] [{INTENS}] embarrassed|bad|silly|dumb|stupid|ashamed|guilty|foolish",
    "don't_blame_yourself|don't_be_hard_on_yourself|not_on_you|no_shame_in|don't_beat_yourself_up",
    "happens to the_best_of_us|a_lot_of_people|lots_of_people|everyone|anybody|anyone|plenty_of_people",
    "could|can|might have|'ve [happened] happen|happened to anyone|anybody|any_of_us|everyone",
    "my_heart_goes_out|my_condolences|our_condolences|my_sympathies|our_sympathies|deepest_sympathy"
    "|prayers_are_with|my_heart_breaks|breaks_my_heart|hang_in_there",
    "^ [{LEAD}] [i'm|we're|i_am|we_are|i'll_be|we'll_be|i_will_be|we_will_be|i|we] [{INTENS}] [be] thinking_of_you"
    "|praying_for_you|praying_for_y'all|praying_for_your|praying_for_them|praying_for_her|praying_for_him"
    "|pray_for_you|keeping_you|keep_you_in|holding_you",
    "we'll|we_will|we're_going_to|let's|we_can|we're_gonna [get] [{INTENS}] find|sort|figure|work|fix|get|help"
    " this|it|her|him|them|you|things|everything|that|out|through [out|through|sorted|back] [this|it] together",
    # "oh, bless you", "you poor thing"; not "God bless you" (a blessing, a goodbye) or "some poor thing"
    "bless_your_heart|bless_your_soul|bless_'em|aw_honey|oh_honey|oh_sweetie|oh_you_poor|oh_sweetheart|oh_hon"
    "|oh_darling|oh_darlin|oh_love|aw_love|aw_sweetie|aw_hon",
    "^ [oh|aw|aww|oh_honey|aw_honey|well] bless_you|bless_ya|bless [{VOCATIVE}] $",
    "bless_you_for|bless_ya_for|bless_your_heart_for|god_bless_you_for",
    "^ [{LEAD}] [oh|aw|aww] [you] poor_thing|poor_dear|poor_soul|poor_lamb|poor_love|poor_darling"
    "|you_poor_dear|you_poor_soul [{FEEL_TAIL}] $",
    "that'd|that_would|it'd|it_would|would|that_could|that'll|that_will|it_would|that_really|that_'d [{INTENS}]"
    " [{INTENS}] {AFFECT} me [out|up|down|off] [too|as_well|for_sure|big_time|also|right_out]",
    "no_one|nobody|nobody_should|no_one_should|you_shouldn't|you_should_not|ain't_nobody|nobody_ought_to|no_one_deserves"
    "|nobody_deserves [should] [ever] [have_to|has_to|to] deal_with|put_up_with|go_through|live_with|experience",
    "you're|your|you_are|you're_totally|you're_completely [{INTENS}] valid|justified|right_to_be|allowed_to_be"
    "|entitled_to|not_wrong",
    "thank_goodness|thank_god|thank_heavens|thankfully|thank_the_lord|praise_god you're|you|she's|he's|they're"
    "|nobody|no_one|everyone|everybody's|you_all|y'all|the_kids|it_wasn't",
    "{INTENS} worried|scared|upset|frustrated|stressed|frightened|shaken for|about you|y'all",
    *SORRY_OTHERS,
    "^ [{OH}] {NOBODY}|{WHO} [{WHO_EXTRA}] [is|was|got|'s|were] [{INTENS}] hurt|injured|harmed [,]"
    " i_hope|hopefully|i_trust|i_take_it|please_god|thank_god|thankfully",
    "hope|hoping|hopefully|pray|praying|trust [that] [{POSS}] {WHO}|{NOBODY}|you're|everyone's|everybody's|he's|she's"
    "|they're|nobody's|no_one's ...3 hurt|injured|harmed|unhurt|uninjured",
    "hope|hoping|hopefully|pray|praying|trust [that] [{POSS}] {WHO}|you're|everyone's|everybody's|he's|she's|they're"
    " [and] [{POSS}] [{WHO}] [{WHO_EXTRA}] [is|are|was|were|got|get|feel|feels|feeling|all] [{INTENS}]"
    " [doing|feeling|feels|feel] {WELL}|better [{AFTER}] $",
    # the feelings of someone the visitor cares about: "the owner must be worried sick",
    # "whoever lost it is going to be so relieved" (not "the owner will be notified", "relieved of liability")
    "{THIRD} ...6 {THIRD_MODAL} [{INTENS}] [{INTENS}] [feeling] {THIRD_UPSET}",
    "{THEY} ...2 {THIRD_SURELY} [be|been|feel|feeling] [{INTENS}] [{INTENS}] [feeling] {THIRD_UPSET}",
    "{SURE} [that] [the|your|his|her|their|some] [poor] {THIRD}|{THEY} ...3 [{INTENS}] [{INTENS}] {THIRD_UPSET}",
    "{THIRD}|{THEY} ...6 {THIRD_MODAL} [{INTENS}] [{INTENS}] {THIRD_RELIEF} $",
    "{THIRD}|{THEY} ...6 {THIRD_MODAL} [{INTENS}] [{INTENS}] {THIRD_RELIEF} {RELIEF_TAIL}",
)

EMPATHY_EVALUATIONS: tuple[str, ...] = (
    # a feeling word said of what happened ("that's awful", "it sucks", "waiting is so hard"), and commiseration
    # ("I feel you", "been there"): sympathy when said of the listener's story, but not when the speaker is
    # telling their own (the message holds a {SELF_STORY} sentence: "I did. It was hard.")
    # "I know deadlines are stressful", "I get that moving can be hard": their situation, named
    "{I} [{INTENS}] know|understand|get|realize|realise|appreciate|recognise|recognize|see [that] ...3 is|are|can_be"
    "|must_be|gets|get|feel|feels|has_been|have_been [{INTENS}] [{INTENS}] {FEELING}|hard|tough|a_lot"
    " [and|or [{INTENS}] {FEELING}] [{FEEL_TAIL}] $",
    "{I} [{INTENS}] know|understand|get|realize|realise|appreciate|recognise|recognize|see [that] ...3 is|are|can_be"
    "|must_be|gets|get|feel|feels|has_been|have_been [{INTENS}] [{INTENS}] {FEELING}|hard|tough|a_lot"
    " {OPEN_TAIL}|{DEIXIS_TAIL}",
    # "a short deadline is stressful", "waiting around is the worst"
    "^ [{LEAD}] [{ACK}] a|the|your|this|that|all_the|all_this|any|waiting|dealing|moving|losing|getting ...3"
    " is|are|can_be|must_be|gets|get|has_been|have_been [{INTENS}] [{INTENS}] {FEELING} [and|or [{INTENS}] {FEELING}]"
    " [{FEEL_TAIL}] $",
    # "I know a deadline makes this stressful" (not "I just made it worse for her")
    "^ [{LEAD}] [{ACK}] ...4 make|makes|made|making this|that|it|things|everything|it_all|all_this|all_that"
    " [{INTENS}] [{INTENS}] {FEELING} [{FEEL_TAIL}] $",
    "^ [{LEAD}] [{ACK}] ...4 make|makes|made|making this|that|it|things|everything|it_all|all_this|all_that"
    " [{INTENS}] [{INTENS}] {FEELING} [{FEEL_TAIL}] {OPEN_TAIL}|{DEIXIS_TAIL}",
    # "moving's stressful enough without the paperwork", "that's hard enough as it is"
    "[{INTENS}] {FEELING}|hard|tough enough without|as_it_is|already|on_its_own|by_itself|on_their_own|without_that",
    # that is / sounds / must be awful: said of what they told, at the head of a clause, and ending there
    # or going on about them ("that's hard for you", "that's scary when..."); not "this is a lot better",
    # "I have worried about that a lot", "why is that sad?"
    "^ [{LEAD}] [{LEAD}] [{ACK}] {DEIXIS} [{COPULA}] [like] [{INTENS}] [{INTENS}] {FEELING}"
    " [and|or [{INTENS}] {FEELING}] [{FEEL_TAIL}] $",
    "^ [{LEAD}] [{LEAD}] [{ACK}] {DEIXIS} [{COPULA}] [like] [{INTENS}] [{INTENS}] {FEELING}"
    " [{FEEL_TAIL}] {OPEN_TAIL}|{DEIXIS_TAIL}",
    # "it's awful", "which is so frustrating": only where it ends, or goes on about them
    "^ [{LEAD}] [{LEAD}] [{ACK}] {IT} [{COPULA}] [like] [{INTENS}] [{INTENS}] {FEELING}"
    " [and|or [{INTENS}] {FEELING}] [{FEEL_TAIL}] $",
    "^ [{LEAD}] [{LEAD}] [{ACK}] {IT} [{COPULA}] [like] [{INTENS}] [{INTENS}] {FEELING} [{FEEL_TAIL}] {OPEN_TAIL}",
    "^ [{LEAD}] [{LEAD}] [{ACK}] {DEIXIS}|{IT} [{COPULA}] [like] [{ARTICLE}] [{INTENS}] [{INTENS}] {BAD} {SITUATION}",
    # "sounds like a rough night", "must have been a scary time": inferred of their experience
    "^ [{LEAD}] [{LEAD}] [{ACK}] ...3 {INFER} [like] {ARTICLE} [{INTENS}] [{INTENS}] {BAD} {SITUATION}",
    # "waiting is so hard", "the not knowing must be really stressful" (not "bipolar can be very difficult to
    # diagnose", "it gets really hard to think")
    "is|are|was|were|feels|feel|get|gets|can_be|must_be|'s {INTENS} [{INTENS}] {FEELING}"
    " [and|or [{INTENS}] {FEELING}] [{FEEL_TAIL}] $",
    "is|are|was|were|feels|feel|get|gets|can_be|must_be|'s {INTENS} [{INTENS}] {FEELING} [{FEEL_TAIL}] {OPEN_TAIL}",
    "^ [oh|ugh|aw|aww|man|oof|geez|gosh|lord|wow|oh_man|aw_man] [{ARTICLE}] [{INTENS}] {BAD} {SITUATION} $",
    "what|how {ARTICLE} [{INTENS}] {BAD} {SITUATION}",
    "what_a|what_an [{INTENS}] nightmare|mess|ordeal|hassle|shame|pain|headache|bummer|drag|day|night|morning"
    "|week|shock|scare|blow|gut_punch|thing_to_go_through|awful_thing|terrible_thing [for_you|for_y'all"
    "|to_deal_with|to_come_home_to|to_wake_up_to|to_go_through|for_your_family|for_the_kids] [!] $",
    "how awful|terrible|scary|frustrating|upsetting|horrible|stressful|frightening|sad|rotten|awful $",
    "^ [oh|ugh|aw|aww|man|oof|geez|gosh|lord|yikes] [{INTENS}] the_worst $",
    "^ [{LEAD}] [{LEAD}] [{ACK}] that|this|that_just|that_really|that_sure|that_totally|that_honestly|all_that"
    "|that_all|that_whole_thing [{INTENS}] [{INTENS}] stinks|sucks|stank|stunk|bites|blows|sucked",
    "^ {LEAD}|{ACK} [{LEAD}] it|which [{INTENS}] [{INTENS}] stinks|sucks|stank|stunk|bites|blows|sucked"
    " [{INTENS}] [big_time|so_bad|so_much|real_bad] [{FEEL_TAIL}] $",
    "^ [{LEAD}] [{LEAD}] [{ACK}] it|which [{INTENS}] [{INTENS}] stinks|sucks|bites|blows [{FEEL_TAIL}] {OPEN_TAIL}",
    "^ {LEAD} [{LEAD}] sucks|stinks [{INTENS}] [big_time|so_bad|so_much|real_bad] $",
    "^ [oh|ugh|aw|aww|man|oh_man|geez] what_a_bummer|bummer|that's_a_bummer $",
    "^ [{LEAD}] [{LEAD}] [{ACK}] {SUBJ} isn't|is_not|wasn't|ain't|can't_be|cannot_be|won't_be|hasn't_been"
    " [{INTENS}] easy|fun|pleasant|a_picnic|a_good_feeling [{FEEL_TAIL}] $",
    "^ [{LEAD}] [{LEAD}] [{ACK}] {SUBJ} isn't|is_not|wasn't|ain't|can't_be|cannot_be|won't_be|hasn't_been"
    " [{INTENS}] easy|fun|pleasant|a_picnic|a_good_feeling [{FEEL_TAIL}] {OPEN_TAIL}|{DEIXIS_TAIL}",
    "i {INTENS} [{INTENS}] understand|get_it|hear_you|sympathize|empathize [!] $",
    "i [{INTENS}] [{INTENS}] understand|know|appreciate|realize|recognize [that] {SUBJ} [{COPULA}] [not]"
    " [{ARTICLE}] [{INTENS}] [{INTENS}] {FEELING}|inconvenience|inconvenient|burden|not_easy|not_what|long_drive"
    "|long_way|long_wait|considerable_inconvenience|big_inconvenience|real_inconvenience",
    "i [{INTENS}] [{INTENS}] know|understand|get|appreciate|realize|recognize [that] {SUBJ} ... not_what_you"
    "|not_the_answer|not_the_news|inconvenience|inconvenient|a_lot|a_hassle|a_pain|hard|difficult|frustrating"
    "|scary|stressful|upsetting|worrying|burden|long_drive|time_off",
    "i [{INTENS}] [{INTENS}] appreciate|understand|realize|recognize that|how ...6 inconvenience|inconvenient"
    "|long_drive|hassle|hard|difficult|frustrating|stressful|upsetting|worrying|scary|time_off|burden|trouble"
    "|not_easy|a_lot|worried|frustrated|upset|scared",
    # (a bare "I get it", like a bare "I understand", is not credited; "I totally get it" is)
    "i_hear_you|i_feel_you|i_feel_for_you|i_feel_for_y'all|i_feel_your_pain|feel_for_you"
    "|i_totally_get_it|i_completely_get_it|i_know_the_feeling|i_know_that_feeling|i_know_how_that_feels",
    "^ [{LEAD}] [{LEAD}] [i've|i_have|i|we've|we_have] been_there [myself|too|before|as_well|many_times"
    "|so_many_times|done_that|,_too] $",
    # "I hate that this happened to you", "I hate hearing that"; not "I hate it when people say that"
    "i [just] [{INTENS}] hate|hated that|this [for_you|for_y'all] $",
    "that's|it's|that_is|it_is|that_was|it_was [just] not_fair|not_right|not_okay|no_way_to_live|a_crying_shame"
    "|no_way_to_start|no_way_to_end|no_way_to_spend|no_way_to_be_treated|no_way_to_treat",
    # "hell of a thing to come home to", "heck of a day"
    "^ [{LEAD}] [{DEIXIS}|{IT}] [{COPULA}] [{ARTICLE}] hell_of_a|heck_of_a|helluva|one_hell_of_a|one_heck_of_a"
    " {SITUATION}",
    # said with no subject, as people talk: "must be rough", "can't be easy"
    "^ [{LEAD}] [{LEAD}] can't_be|cannot_be|ain't|must_not_be|can't_have_been|couldn't_have_been|wasn't|isn't"
    " [{INTENS}] easy|fun|pleasant|a_picnic [{FEEL_TAIL}] $",
    "that|this|it|which|that_just|that_sure [just] ain't|isn't|wasn't right|fair|okay|ok",
    "on_top_of_everything|on_top_of_all_that|on_top_of_everything_else|adding_insult|that's_a_lot|that's_so_much"
    "|what_a_day|what_a_week|what_a_night|what_a_morning",
    "^ [oh|ugh|man|aw|aww|wow|oof|geez|gosh|sounds_like|sounds_like_a|what_a|that's_a|talk_about_a] [a] [{INTENS}]"
    " rough_day|rough_night|rough_week|rough_morning"
    "|long_day|long_night|long_week|hard_day|hard_week|tough_day|tough_week|tough_night|rough_go|tough_go"
    "|tough_break|rough_break|bad_break|rotten_luck|bad_luck|tough_luck|awful_luck|rotten_break",
    "^ [oh|ugh|man|aw|aww|wow|oof|geez|gosh|lord|oh_man|aw_man|oh_no|oh_gosh|oh_my] [{INTENS}] {BARE_FEELING} [!] $",
)

EMPATHY_WELLBEING: tuple[str, ...] = (
    # asking after them: "is everyone okay?", "how are you holding up?" (not when the same sentence goes on to
    # gather facts: "nobody hurt, nobody around now?")
    # concern for their wellbeing after bad news: "is everyone okay?", "you doing alright?", "nobody hurt, I hope"
    # (not "is that okay with you?", "okay to wait?": the clause ends at the wellbeing word)
    "^ [{OH}] [{AUX}] [{POSS}] {WHO} [{WHO_EXTRA}] [doing|feeling|holding_up] {WELL} [{AFTER}] $",
    "how|how's|how're [are|is|'s|'re] [{POSS}] {WHO} [all] [{INTENS}] holding_up|coping|feeling|doing_now"
    "|hanging_in|hanging_in_there|managing|doing_after_all_that|doing_after_that [{AFTER}] $",
)

EMPATHY_ASIDES: tuple[str, ...] = (
    # a clause that asks nothing, beside a wellbeing question: "oh no, is everyone okay?", "nobody hurt, I hope?"
    "^ {LEAD}|{TAG} [{LEAD}|{TAG}] $",
    "^ [{OH}] i_hope|hopefully|i_trust|i_take_it|please_god|thank_god|thankfully|please|i_pray|pray_god"
    "|god_willing [so|not] $",
)

SELF_STORY: tuple[str, ...] = (
    # the speaker telling their own experience ("I did. It was hard.", "same here, it sucks"): a feeling word
    # near it may be about the speaker, not the listener (desk work, "I found it", "I took a look", is not this)
    "^ [{LEAD}] [{LEAD}] [and|but|so|because|cause|when|back_when|since] i|me|myself [also|too|still|just|never"
    "|always|often|usually|sometimes|personally|myself|really|even|once] [{INTENS}] struggle|struggled"
    "|struggling|suffer|suffered|suffering|cried|cry|relate|related|was_diagnosed|got_diagnosed|used_to"
    "|grew_up|had_the_same|had_my|lost_my|'ve_lost|have_lost|felt|feel_the_same|feel_that_way|feel_this_way"
    "|'ve_felt|have_felt|was_severely|was_depressed|'m_in_the_same|am_in_the_same|'m_the_same|am_the_same"
    "|'m_one|am_one|can_relate|do_too|did_too|get_so|get_really|never_had|always_had|always_get|always_feel"
    "|drank|drink|smoke|smoked|hate_myself|hate_my|love_my|'ve_had_the_same|have_had_the_same"
    "|went_through_the_same|went_through_that|went_through_it|'ve_been_through|have_been_through"
    "|'ve_gone_through_the_same|have_gone_through_the_same",
    "^ [{LEAD}] me_too|same_here|same_boat|in_the_same_boat|ditto|relatable|same_with_me"
    "|same_for_me|me_as_well|i_relate|i_can_relate|i_feel_the_same|i_feel_that_way [too|as_well] $",
    "^ [{LEAD}] same [here|boat|thing|with_me|for_me|thing_here] $",
    "when|whenever|because|cause|since|for i [{INTENS}] feel|felt|get_so|get_really|was_so|was_really|was_severely"
    "|was_depressed|am_so|'m_so|suffer|suffered|struggle|struggled|listen|think_about|wake_up|can't_sleep"
    "|can't_stop|hate|miss|cry|cried|was_a_kid|was_younger|was_little|was_young|was_growing_up",
    "in_my_experience|in_my_case|for_me_personally|speaking_from_experience|from_my_experience|when_i_was"
    "|back_when_i|i_remember_when|i_used_to|happened_to_me|happens_to_me|my_depression|my_anxiety|my_therapist"
    "|my_meds|my_medication|my_ex|my_own_experience|my_own_life|my_life",
)

EMPATHY_QUESTIONS: tuple[str, ...] = (
    # wellbeing asked in the words of a statement, credited in a question only: "you are okay now?",
    # "everyone's alright?", "you hurt?", "nobody hurt?" ("is anyone hurt?", "was anyone injured?"
    # gather facts for the report)
    "^ [{OH}] you're|everyone's|everybody's|he's|she's|they're|y'all're [all] [doing|feeling] {WELL} [{AFTER}] $",
    "^ [{OH}] [{POSS}] {WHO} [{WHO_EXTRA}] is|are|was|were [all] [doing|feeling] {WELL} [{AFTER}] $",
    "^ [{OH}] [are|'re] you|y'all|you_all|you_guys|you_two hurt [at_all|badly|bad] [{AFTER}] $",
    "^ [{OH}] {NOBODY} [{WHO_EXTRA}] [is|was|got|were|'s] hurt|injured [at_all|badly|bad] [{AFTER}] $",
)

EMPATHY_SPOILERS: tuple[str, ...] = (
    "not|never|n't|don't|didn't|doesn't|ain't|isn't|wasn't|am_not|i'm_not [{INTENS}] [even] [at_all] sorry|care"
    "|my_problem|our_problem",
    "don't|do_not|can't|cannot|didn't|dont|really_don't understand|get|see|know|care why|how|what|that|your",
    "i'm_not|i_am_not|i_won't|i'm_not_going_to|i'm_not_gonna apologize|apologizing|going_to_apologize",
    "sorry , ...6 closed|can't|cannot|don't|doesn't|won't|unable|not|unavailable|isn't|aren't|policy|rules",
    "sorry [that] you're|you_are|you_feel|you_were [so] [{INTENS}] inconvenienced|put_out|bothered|offended"
    "|triggered|annoyed_by|upset_by_the",
    "sorry [that] you don't|didn't|can't|won't like|want|understand|agree|accept|get",
    # a refusal or an instruction softened ("sorry, you'll have to come back Monday"); not "I'm sorry you have to
    # deal with that", which is for them
    "sorry , [{VOCATIVE}] [,] [though] you'll_have_to|you_need_to|you_have_to|you'll_need_to",
    "sorry [,] [{VOCATIVE}] [,] [though] you'll_have_to|you_need_to|you_have_to|you'll_need_to come|go|bring|fill"
    "|wait|call|pay|get|make|do|take|use|show|provide|submit|return|contact|leave|speak|talk|email|check|ask|book",
    "sorry [,] [{VOCATIVE}] [,] [though] but|however|though|nothing|not|we_don't|we_can't|we_cannot|i_can't|i_cannot"
    "|that's_not|it's_not|there's_nothing|no_,|no_we|no_you|no_that|no_it|no_sir|no_ma'am|we're_closed|records"
    "|the_office|we_do_not|that_is_not|rules|policy|that's_the_policy|that's_policy|it's_policy|it's_the_policy"
    "|that's_the_law|it's_the_law|that's_the_rule|those_are_the_rules|it_is_what|can't|this_isn't|wrong|we_only|only|we_no_longer"
    "|i'm_not_able|we're_not_able|that's_all|that's_just_how|that's_just_the|you_can't|you_cannot|that_won't|we_won't|nope",
    "i [{INTENS}] understand|get_it|hear_you|know|see [,] but|however",
    "{FEELING} how|that|the_way fast|quickly|often|many|much|easily|common|good|smart|convincing|they|these|those",
    "{FEELING}|{BAD}|{SITUATION} for|on us|me|patrol|the_officers|the_deputies|the_department|our_team|dispatch"
    "|the_station|our_guys|the_staff|the_city|the_county",
    # the non-apology "I'm sorry you feel that way" (not "I'm sorry you feel like this", "sorry you feel so alone")
    "sorry [that] you feel|felt that_way|like_that|that|so [{TAG}] $",
    "sorry [that] [if] you think|see_it|took_it|are_offended|were_offended|'re_offended|take_it",
    "sorry if you|if_you're|if_that",
    "lol|lmao|lmfao|haha|hahaha|rofl|hehe|jk",
    "that's_on_you|not_my_fault|your_own_fault|you_should_have|you_should've|not_my_department",
    "hard|difficult|tough|easy to say|tell|find|get|read|know|see|reach|fill|pronounce|spell|park|believe"
    "|understand_you|hear_you|come_by",
    "scared|frightened|spooked|chased off|away",
    "scared|worried|afraid|nervous|frightened ...3 caught|arrested|busted",
    "relieved of",
    "not_that_hard|not_that_difficult|not_so_hard|not_so_difficult|not_rocket|isn't_that_hard|isn't_hard"
    "|isn't_that_difficult|not_hard",
)

SORRY_OWN_CONDUCT: tuple[str, ...] = (
    "sorry [,] for|about|to [keeping|making|having] [you] [all] the|this|that|my|our|any|your [long|little|short]"
    " wait|waiting|delay|delays|hold|holding|confusion|inconvenience|trouble|mix_up|mixup|interruption|noise"
    "|line|lines|wait_time|misunderstanding|mistake|error|runaround|back_and_forth|typo|computer|system"
    "|printer|phone|lateness|patience|time",
    "^ [oh|yeah|yes|ok|okay|hey|hi|hello|ah|oops|whoops] sorry [,] about|for|bout 'bout|that|this [,] [interruption] $",
    "sorry [that] you're|you've|you_had|you_have|you've_been|you_were|to_have_you|to_make_you [,] ... wait|waiting"
    "|hold|holding|on_hold|in_line|stand|standing|sit|sitting",
    "sorry [,] about|for|bout 'bout that|this [,] good|morning|afternoon|evening|hi|hello|thanks|thank|this_is"
    "|i'm|my|where|what|okay|ok|so|now|go|you_were|anyway|as_i|like_i|back|the|our|i|we|it|line|phone|computer",
    "sorry [that] it|this|i|we took|taking|kept|'m_taking|is_taking|'s_taking|was_slow|had_to|'ve_kept",
    "sorry to keep|make|interrupt|bother|cut|put|rush|ask|hold|have_kept|trouble",
    "sorry [,] i|we was|were|missed|didn't|'m_late|'m_running|was_away|was_on|forgot|kept|took|wasn't"
    "|have_to_ask|need_to_ask|got_cut|lost|dropped|misheard|interrupted|'ve_kept|'m_on|'m_slow|cut"
    # the desk's own slip: "sorry, I read that wrong", "sorry, I gave you the old number"
    "|read|misread|misspoke|mistyped|typed|wrote|said|gave|got_that|got_it|had_it|mixed|mean|meant|messed|heard"
    "|looked|pulled|clicked|transposed|put|wrote_down|misunderstood|confused",
    "sorry [,] can|could|would|what|what's|who|where|when|how|did|do|say|come|one|hold|wait|just|let|brb|sec"
    "|again|excuse|pardon|the_computer|the_system|the_printer|the_phone|the_line|the_lines|{OUR_THING}|gotta|got_to"
    "|need_to|need_you|i_need|didn't|i_didn't|i_missed|one_moment|one_second|one_sec|give_me|gimme|lemme"
    "|hang_on|hold_on|printer|computer|system|phone|line|lines|you_said|that_took|it's_been|been|busy|crazy|zoo",
    "^ [oh|yeah|yes|hi|hello|okay|ok|ah|whoops|oops] [,] sorry [,] [again] $",
    "pardon|excuse the wait|the_delay|the_mess|me",
    "sorry [that] i|we|i've|we've|i_was|we_were|i_just|we_just sent|send|sending|gave|told|bounced|bouncing"
    "|misdirected|lost|misplaced|mixed|messed|confused|forgot|put|transferred|routed|pointed|referred|redirected",
)

TESTING_CHECKS: tuple[str, ...] = (
    # teach-back: the person says the plan back ("can you tell me back what you'll do?")
    "tell|repeat|say|read|run|give me [it|that|this|them|those|everything|the_steps|the_plan] back",
    "walk|run|take me through what|how you're|you_are|you'll|you_will|you're_gonna|you're_going_to",
    "what's|what_is|what_are|what'll|what_will the first thing|step|steps|next_step [that] [{YOU}] [{AUX}]"
    " [going_to|gonna|need_to|have_to|got_to] do|call|doing",
    "which|what number|line [are|will|'re|'ll] {YOU} [going_to|gonna] call|dial|calling|dialing",
    "who|what [are|will] {YOU} [going_to|gonna] call|do first|next|now|tonight $",
    # checks of understanding, credited in a question
    "^ [and] [{AUX}] [{YOU}] [still] [{INTENS}] {UNDERSTAND} [me|along|that|it|what_i'm_saying|what_i_said"
    "|what_i_mean|with_me|everything|all_that|all_of_that|the_steps|the_process|all_this|how_that_works"
    "|how_it_works|{EXPLAINED}] [{SO_FAR}] [{SO_FAR}] [,] $",
    "^ [and] [{AUX}] [{YOU}] [still] [{INTENS}] with me [{SO_FAR}] [{SO_FAR}] $",
    "^ [and] [{AUX}] [{YOU}] [{INTENS}] got|get|gotten|getting|have {THAT}|the_steps|the_plan [{SO_FAR}] [{SO_FAR}] $",
    "^ [and] [{AUX}] [{YOU}|{THAT}|things|everything|we|you're|we're|y'all're|that's|it's|everything's]"
    " [are|is|'re] [all] [{INTENS}] clear|understood|straight"
    "|clear_enough [{ABOUT} {THAT}] [{SO_FAR}] [{SO_FAR}] $",
    "^ [and] [{AUX}] [{YOU}|{THAT}] [all] {GOOD} {ABOUT} {THAT}|everything|those_steps|the_steps|the_plan"
    "|the_process [{SO_FAR}] $",
    "^ [and] [{AUX}] {YOU} [all] [{INTENS}] good|set|square|straight|solid [{SO_FAR}] $",
    # agreement with a plan just explained: "is that alright with you?", "are you okay with that plan?",
    # "how does that sound?" (a bare "are you okay?" after bad news asks after them: empathy)
    "^ [and] [{AUX}] {YOU}|everyone|everybody [all] [{INTENS}] okay|ok|alright|all_right|fine|cool|good|happy"
    "|comfortable with|about|on {THAT}|{PLAN}|everything|going_ahead|proceeding|doing_it_that_way [{SO_FAR}] $",
    "^ [and] [{AUX}] {THAT_PLAN} [all] [{INTENS}] {AGREEABLE} [with|by|for|to you|y'all|everyone|everybody"
    "|both_of_you] [{SO_FAR}] $",
    "^ [and] [{AUX}] {THAT_PLAN} all_right [with|by|for|to you|y'all|everyone|everybody|both_of_you] [{SO_FAR}] $",
    "^ [and] that's|it's|{THAT_PLAN} [is] [all] [{INTENS}] {AGREEABLE} with|by|for|to you|y'all [right|yes|yeah"
    "|then] $",
    "{AUX} {THAT_PLAN} [all] {BE_AGREEABLE} [with|by|for|to you|y'all|everyone] [{SO_FAR}] $",
    "{AUX} {THAT_PLAN} be_all_right [with|by|for|to you|y'all|everyone] [{SO_FAR}] $",
    "how does|do|would|will|'d that|this|{PLAN}|all_that|everything sound|look|seem|strike_you|grab_you"
    "|work_for_you|suit_you [to_you|for_you] [{SO_FAR}] $",
    "how's|how'd that|this|{PLAN}|all_that|everything sound|look|seem|strike_you|grab_you|work_for_you"
    "|suit_you [to_you|for_you] [{SO_FAR}] $",
    "{AUX} {THAT_PLAN} [all] suit|suits you|y'all|everyone [okay|alright|fine|well] [{SO_FAR}] $",
    "^ [and] [{AUX}] {THAT_PLAN} [all] suit|suits [you|y'all] $",
    "^ [and] [{AUX}] {THAT_PLAN} [all] work|works [okay|ok|alright|all_right] $",
    "^ [and] is|is_it|it's|it_is okay|ok|alright|all_right|good|fine for|with|by you|y'all [like_this|like_that"
    "|this_way|that_way|so] $",
    "{AUX} {YOU} live_with {THAT_PLAN} $",
    "^ [and] [{AUX}] {THAT_PLAN} [all] sit|sits okay|ok|alright|all_right|well|right|fine with|by you|y'all|everyone $",
    "{AUX} {THAT}|i|my_explanation|what_i_said|what_i_just_said|everything|any_of_that [all] [{INTENS}]"
    " make|makes|making|made sense",
    "^ [and] make|makes|making|made sense [{SO_FAR}] $",
    "{AUX} {THAT}|i|my_explanation [all] [{INTENS}] make|makes|making|made|come|came {THAT}|myself|things|it_all"
    "|{EXPLAINED} [{INTENS}] clear|understandable",
    "{AUX} {THAT}|i|my_explanation|what_i_said [all] [{INTENS}] clear|clear_enough|understandable"
    "|easy_to_follow|too_fast|too_much|too_confusing|confusing|being_clear|making_sense [to_you|for_you|now]"
    " [{ABOUT} {THAT}] [{SO_FAR}] $",
    "{AUX} {YOU} [{INTENS}] understand|understood|get|got {EXPLAINED}",
    "{THAT}|does_that|does_it|does_this|did_that|did_it [all] track|tracks|add_up|adds_up|sink_in|sinks_in"
    "|click|clicks|land|lands [{SO_FAR}] $",
    "did|does|do|has|have|was|is {THAT}|i|my_answer|my_explanation|that_info|that_information|those_answers"
    " [{INTENS}] [{INTENS}] {ANSWERED}",
    "{AUX} i|we [{INTENS}] leave|miss|skip|forget|leave_out [out] anything|something|any_questions|any_part|any|part",
    "anything|something|any_part|any_of_that|any_of_this|any_of_it|anything_i_said|what_i_said|anything_there"
    "|any_piece|parts|part|any_step|any_steps|some_part ... {UNCLEAR}",
    "^ [and] [{AUX}] [{THAT}] [still] {UNCLEAR} $",
    "{NEED}|like|rather|'d_like|would_like|wish me to {EXPLAIN}",
    "shall|should|can|could|may|want i|we|me_to {EXPLAIN}",
    "anything|something|any_part|any_of_that|any_of_this|anything_about|any_part_of_that|anything_in_all_that"
    "|anything_in_that|any_of_the ... {EXPLAIN}",
    # inviting questions
    "any|other|more|further|additional|got_any|have_any|any_more|any_other|any_further|some [{INTENS}] {QUESTIONS}",
    "^ [any] [other] [more] {QUESTIONS} [{SO_FAR}] $",
    "what|which [other|more|else|further|kind_of] {QUESTIONS} [do|can|might|may|would|could|did] [you|i|y'all|we]",
    "{QUESTIONS} [that] i|we can|could answer|help|clear",
    "{QUESTIONS} for_me|for_us|about_that|about_this|about_any|about_anything|on_that|on_any|on_how|on_this"
    "|so_far|about_how|about_what|on_all|about_all|on_what",
    "anything|something [else] you [{INTENS}] {NEED}|wanna|want_to|'d_like|would_like|were_wondering"
    "|were_curious [to] ask|know|wondering|curious|clarified|explained|cleared_up",
    "^ {THAT} [all] [{INTENS}] make|makes|made sense",
    "{AUX} {THAT}|the_plan|everything [all] [{INTENS}] sound|sounds|seem|seems|look|looks okay|ok|good|alright|right"
    "|fair|doable|clear|reasonable|like_a_plan [to_you|for_you] $",
    "{AUX} {YOU} [feel] [all] [{INTENS}] clear|sure|okay|good|set|comfortable {ABOUT} what|how|where|when|which"
    "|everything|who|{EXPLAINED}|that|this|all_that|all_this|the_steps|the_process|the_plan|the_next_steps",
    "did|have i lose|lost you",
    # the aux dropped, as people talk: "That sound alright?", "sound good?", "all look okay to you?"
    "^ [and] [{THAT}|the_plan|everything|all_that] [all] [{INTENS}] sound|sounds|look|looks okay|ok|good|alright"
    "|all_right|fair|fair_enough|clear|reasonable|like_a_plan [to_you|for_you] $",
    "^ [and] [{AUX}] {THAT}|the_plan|everything|all_that [all] work|works [okay|ok|alright] for you|y'all [{SO_FAR}] $",
    "{AUX} {YOU} get|got|catch|caught|write|wrote|jot|jotted|take|took {THAT}|it|everything|all_that|the_number"
    "|that_number|those_numbers|the_address|the_details|the_hours down",
    "^ [and] [{AUX}] {YOU} catch|caught {THAT}|all_that|everything [{SO_FAR}] $",
    "^ [and] {THAT}|i|my_answer|my_explanation|that_info|that_information [{INTENS}] [{INTENS}] {ANSWERED}",
    "{AUX} i|that|this|it|all_that|all_of_that|everything|any_of_that|any_of_this [{INTENS}] [been] confuse|confused"
    "|confusing|lose|lost|losing|overwhelm|overwhelmed|overwhelming you|y'all",
    "{AUX} {THAT} [all] come|came|coming across [okay|ok|clearly|alright|right|well|clear]",
    "any|anything|some point|points|bit|bits|step|steps|piece|part|parts|detail|details ... explanation"
    "|explaining|clarification|clarifying|going_over|more_detail|more_details",
    "^ [{AUX}] {YOU} [all] on the_same_page|the_same_wavelength [{SO_FAR}] $",
    "{AUX} {THAT}|everything [all] clear|understood {ABOUT} what|when|where|how|which|who|why|{EXPLAINED}",
    "^ [{AUX}] {YOU} got|have [any] [more] [other] {QUESTIONS} [for_me|for_us] $",
    "^ [{AUX}] {THAT} all|all_of_it {GOOD} $",
    "you know|remember where_you're_going|what_you're_doing|where_you_need_to_go|what_happens_now|what_you_need"
    "|where_to_take|who_to_call|what_to_bring",
    "helpful|help|useful|easier if i|we {EXPLAIN}",
    "{AUX} {EXPLAINED} [all] [{INTENS}] clear|understood|okay|clear_enough|make_sense|making_sense [{SO_FAR}] $",
    "anything|something [else] you're|you_are|you_were|y'all_are|you_still [still] unsure|not_sure|wondering|curious"
    "|confused|fuzzy|unclear",
    "what_else|anything_else|anything_more|something_else [can] [could] i|we clear_up|explain|answer|clarify",
    "ask|asking me|us anything|any_questions|whatever|away",
)

TESTING_INVITES: tuple[str, ...] = (
    # invitations to ask that count as statements too
    # teach-back
    "tell|say|repeat|read|give|walk|run|explain [me] [it|that|this|those|them|the_steps|the_plan|everything] [to]"
    " [me] back",
    "in_your_own_words",
    "tell|show|remind|walk me [through] what|how you'll|you're_going_to|you_will|you_are_going_to|you_would"
    "|you'd|you_need|you_should|you're_gonna|you're_supposed",
    "you know|remember|clear_on|sure_of|sure_about|understand|understood what_to_do|what_happens_next"
    "|the_next_step|the_next_steps|where_to_go|what_comes_next|what_you_need_to_do|what_you'll_do"
    "|what_we'll_do|what_we're_going_to_do|what_we're_gonna_do|what_i'll_do|what_will_happen"
    "|what's_going_to_happen|what's_gonna_happen|how_this_works|how_it_works",
    "feel_free_to_ask|free_to_ask|don't_hesitate_to_ask|ask_me_anything|ask_away|fire_away|happy_to_answer"
    "|happy_to_explain|happy_to_go_over|glad_to_answer|glad_to_explain|just_ask|just_holler|holler_at_me",
    "if {YOU} [have|got|think_of|come_up_with] [any|other|more|further|some] {QUESTIONS} ... let_me_know|ask"
    "|holler|happy|glad|just|feel_free|i_can|i'm_here|i'm_right_here|don't_hesitate",
    "if anything|any_of_that|any_part|something|that|it ... {UNCLEAR}|doesn't_make_sense|isn't_clear"
    "|don't_understand ... let_me_know|ask|holler|tell_me|stop_me|happy|just",
    "let_me_know|tell_me|holler if|whether {THAT} [all] [{INTENS}] makes_sense|made_sense|is_clear|was_clear"
    "|doesn't_make_sense|isn't_clear|is_unclear|is_confusing",
    "let_me_know|tell_me|holler|ask_me if|whether anything|any_of_that|something|any_part|any_point|any_of_it"
    " ...3 {UNCLEAR}|doesn't_make_sense|isn't_clear|didn't_make_sense",
    "let_me_know|tell_me|holler|stop_me if|when you [have] [any] {QUESTIONS}|don't_understand|get_lost|lose_me"
    "|need_anything_explained|want_me_to|need_me_to|need_clarification|are_confused|can't_follow|have_questions"
    "|require_clarification|want_clarification|need_anything_clarified|need_help_understanding|need_more_detail",
    "{QUESTIONS} [,] just|ask|let_me_know ask|holler|let_me_know",
)

TESTING_SPOILERS: tuple[str, ...] = (
    "no|not_any|without|zero [more|other|further|additional] {QUESTIONS}",
    "don't|do_not|stop|quit|no_more ask|asking|with_the_questions",
    "hold|save|keep|hold_off|enough_with|enough_of the|your|those {QUESTIONS}",
    "{I}|i'll|i've|we'll|we've|let_me|lemme [just] [still] [have|got|need|'ve_got|gotta|must|will] [to] ask|have"
    "|got|need [you] [a] [few|couple|some|more|other|several|two|three|quick|routine] [more] [quick] [other]"
    " {QUESTIONS}",
    "my|our|these|those|the|few|couple|routine|standard {QUESTIONS}",
    "{QUESTIONS} for you|for_y'all|to_ask_you|i_have|i_need",
    "answer|bear_with|bearing_with|thanks_for_answering|for_answering [all] [a] [few|some|my|these|those|the] [more]"
    " {QUESTIONS}",
    "a question about your|the",
    "{QUESTIONS} ... go|goes|should_go|can_go|are_for|belong|must_go|need_to_go to|through",
    "{QUESTIONS} [,] call|ask|talk_to|contact|email|see|try [the] records|them|city|tow|court|dmv|lot|bank|county"
    "|not_us|someone_else|the_front|your|their|insurance|clerk|front_desk|desk|window|officer|detective|deputy"
    "|sergeant|lawyer|attorney|court|bank|landlord",
    "or are_we_done|can_i_go|what|are_you_done|we_done",
    "are_we_done_here|we_done_here",
)

OFFER_MORE_HELP: tuple[str, ...] = (
    "{ELSE} [that] [{I}] {CAN} [{INTENS}] {HELP_VERB}",
    "{ELSE} [that] {I} {CAN} ... $",
    "{ELSE} [that] you'd_like|you_would_like|you'd_want|you'd_love|you_wanted|you_want|you_need|y'all'd_like"
    " [me] to {HELP_VERB}|take_care_of|sort_out|ask|ask_about|discuss|do|report|check|look_into|get_done|handle"
    "|talk_about|go_over|get_sorted [{TIMEFRAME}] [,] $",
    "{OTHER} {MATTER} [that] {I} {CAN} [{INTENS}] {HELP_VERB}",
    "{OTHER} {MATTER} [that] {YOU} [{INTENS}] {NEED} [from] [{ME}] [{TIMEFRAME}] [,] $",
    "{ELSE} [that] requires|needs|need|require my|our attention|help|assistance",
    "{I} {CAN} {HELP_VERB} [with] [any|some|an|another] {OTHER} thing|things|matter|issue|question|problem",
    "{ELSE} ... {I} {CAN} [{INTENS}] {HELP_VERB}",
    "^ else [?] $",
    "{YOU} [{INTENS}] {NEED} [any] {OTHER} help|assistance|things|thing [from] [{ME}]",
    "{NEED} [any] [more] [other] help|a_hand|assistance with {ELSE}",
    "is_there|there_is|there's|was_there [any|some|an] {OTHER} {MATTER} ... {I} {CAN}",
    "{ELSE} [that] [{YOU}] [{INTENS}] {NEED}|'d_like|would_like|wanna|might_need|may_need|need_help"
    " [{INTENS}] [help|a_hand|assistance|to_ask|to_ask_about|taken_care_of|handled|looked_at|checked|done"
    "|to_sort_out|sorted_out|to_take_care_of|to_get_done|to_handle|to_check_on|to_look_into|to_report|sorted|to_do"
    "|to_discuss|to_go_over|to_deal_with|to_ask_me]"
    " [with] [from] [{ME}] [about] [for] [{TIMEFRAME}] [,] $",
    "{ELSE} [that] [{I}] [{CAN}] [{INTENS}] {HELP_VERB} [{ABOUT}] [you|y'all] [with] [for] [{TIMEFRAME}] $",
    "^ [and] [is|was|there's] [there] [ever] {ELSE} [for_you|for_y'all] [{TIMEFRAME}] [{TIMEFRAME}] [,] $",
    "^ [and] [is|was|there's] [there] [ever] {ELSE} [that] [{YOU}] [{NEED}] [from_me] [for_you|for_y'all] {HANDOFF}"
    " ...6 $",
    "{ELSE} for|with you|y'all|your|yourself|you_today",
    "{ELSE} {TIMEFRAME}",
    "{CAN} {I} [{INTENS}] {HELP_VERB} [you] [{ABOUT}] [with] [for] {ELSE}|anything_more|any_more|further"
    "|any_further|in_any_other_way|any_other_way|other",
    "{CAN} {I} [{INTENS}] be of [any] [{OTHER}] help|assistance|service|use",
    "what|how else [{CAN}] [{I}] [{INTENS}] [{HELP_VERB}] [you] [{TIMEFRAME}] [,] $",
    "what|how else {CAN} {I} [{INTENS}] {HELP_VERB}",
    "what else [do|did] [{YOU}] {NEED}|got|have",
    "any|some {OTHER} {MATTER} [that] [with_which|which|where|in_which|on_which|for_which] [{I}] [{CAN}]"
    " [{INTENS}] {HELP_VERB}|be_of_help|be_of_assistance|assist_you|serve_you|help_out",
    "any {OTHER} {MATTER} ... {I} {CAN} ... {HELP_VERB}",
    "{YOU} [{INTENS}] {NEED}|got|have anything|something else|more|further [from] [{ME}] [{TIMEFRAME}] $",
    "{YOU} [{INTENS}] {NEED} anything|something else|more|further from|today|now",
    "^ [and] [do|did] [{YOU}] {NEED} anything|something else|more|further [from] [{ME}] [{TIMEFRAME}] $",
    "is_there anything|something|any_way|any_other_way [more] [that] {I} {CAN} {HELP_VERB}",
    "anything|something more|further|additional [that] {I} {CAN} {HELP_VERB}",
    "{I} can|could|'d_be_happy_to|'m_happy_to|'m_glad_to help|assist|do [you] with|for anything|something"
    " else|more|further",
    "let_me_know|tell_me|holler if there's|there_is|you_need|you_have {ELSE}",
    "^ [and] [is|was] [there] anything|something more|further [{I}] [{CAN}] [do] $",
    "{ELSE} on_your_mind|on_your_list|to_take_care_of|we_can_take_care_of|we_can_do|we_can_sort",
    "whatever_else|anything_else you need|might_need|want",
    "any|anything further|additional|other assistance|help",
    "may|can|could i|we be_of_further_assistance|be_of_any_further|assist_further|assist_you_further"
    "|help_further|help_you_further",
)

OFFER_SPOILERS: tuple[str, ...] = (
    "can't|cannot|can_not|won't|couldn't|not|unable_to|no_way_to [{INTENS}] do|help|offer|give|assist [you]"
    " [with] anything|something else|more|further",
    "there_isn't|there_is_not|there's_not|there_ain't|isn't|ain't|wasn't [really] anything|nothing else|more",
    "nothing|not_anything|not_much else|more|further [that] [{I}] [{CAN}] [really] do|help|offer",
    "if anything|something else happens|comes_up|changes|shows|turns_up|goes",
    "{ELSE} about|missing|taken|stolen|gone|damaged|broken|happened|you_noticed|you_saw|you_remember|you_can_tell"
    "|you_could_tell|i_should_know|i_need_to_know|we_should_know|you_want_to_add|to_add|you_want_to_tell"
    "|they_took|that_was|that's|in_the|from_the|on_the|you_know|worth_mentioning|you_recall|they_said"
    "|you_can_remember|you_can_think_of|unusual|different|strange|weird",
    "take|took|grab|grabbed|see|saw|notice|noticed|hear|heard|steal|stole|touch|touched|remember|say|said {ELSE}",
    "{ELSE} [,] or are_we_done|can_i_go|what|are_you_done|am_i_done|can_we_wrap|we_done|can_i_get_back"
    "|can_i_go_back|can_i_get_on|i_gotta_go|i_have_other|can_i_eat",
    "{ELSE} [that] [you] [{NEED}] [to] complain|whine|cry|yell|gripe|moan",
    "are_we_done_here|we_done_here|are_you_done|can_i_go_now",
)

APPRECIATION: tuple[str, ...] = (
    "{THANKS}",
    "[i|we] [really|sure|do|truly|just|certainly|so|very_much|greatly|sincerely] [{INTENS}] appreciate|preciate"
    " {THANK_OBJ}",
    "appreciate|preciate|appreciated [{INTENS}] it|ya|you|that|this|y'all|everything [{INTENS}] [,] $",
    "appreciate that|this [{INTENS}] $",
    "appreciate that you|that_y'all came|called|took|brought|let|stopped|waited|reported|were|'ve_been|turned"
    "|drove|made|reached|got|went|are_being|have_been",
    "much|greatly|really|truly|always|sure|so|very_much|deeply|sincerely appreciated",
    "it's|it_is|that's|that_is|you're|is|was|all|it_was|that_was [{INTENS}] [much] appreciated",
    "^ appreciated $",
    "much_obliged|obliged_to_you|obliged_for|i'm_obliged|we're_obliged|i'm_much_obliged",
    "i'm|we're|i_am|we_are|so|really|very|i'm_so|i'm_very|i'm_really [{INTENS}] grateful|thankful for|to|you",
    "grateful for|to [you] [your|you]",
    "cheers for|mate|for_that",
    "bless_you_for|you're_a_lifesaver|you're_a_star|you_rock|i_owe_you_one|owe_ya_one",
    "kudos_to_you|kudos_for|props_to_you|props_for|big_thanks|huge_thanks|many_thanks|much_thanks"
    "|a_thousand_thanks|mil_gracias",
    "^ gracias|merci|danke|arigato|obrigado|obrigada|grazie|spasibo [,] [{THANK_OBJ}] $",
)

APPRECIATION_SPOILERS: tuple[str, ...] = (
    "{THANKS} [,] [you] [so] for nothing|wasting|ruining|making_my|the_attitude|all_the_yelling|the_yelling"
    "|yelling|screaming|the_lecture|the_headache|the_trouble_you've|your_attitude|your_tone|all_the_attitude"
    "|all_the_screaming|the_sarcasm",
    "{THANKS} [,] now the|i|we|my|it's|the_computer|the_system|i_have|i_get|i've_got",
    "no_thanks|no_thank|no_,_thanks|no_,_thank_you|but_no_thanks|thanks_but_no|thanks_,_but_no|no_thank_you",
    "^ gee|wow|oh_great|real_nice|just_great|oh_wonderful [,] thanks|thank_you|thanks_a_lot",
    "thanks_i_guess|thanks_a_lot_for_nothing|thanks_for_nothing|i_guess_thanks|thanks_,_i_guess",
    "don't|do_not|doesn't|not|didn't|never|won't [really] [{INTENS}] appreciate",
    "would|'d|i'd|we'd|would_really|'d_really|i'd_really|would_greatly|i_would [{INTENS}] appreciate",
    "appreciate it|you if|not|lowering|calming|stopping|keeping|being_quiet|toning",
    "appreciate_if",
    "have|got|need|must|can|could|should|gotta|you'll|you'd|got_to|have_to|need_to|gotta|'ve_got_to to appreciate",
    "can|could|must|should|you'll|you'd appreciate",
    "appreciate that|how|what|the_fact|where|why ...6 [,] but|however|though",
    "appreciate the|your situation|difficulty|concern|concerns|frustration|point|position|problem|predicament"
    "|urgency|dilemma",
    "appreciate that|how|what|the_fact|the_difficulty|the_situation|where|why ... is|are|was|were|'s|'re|must"
    "|can|has|have|takes|take|isn't|aren't|feel|feels|seems|might|may|would|will|won't|can't|don't|doesn't"
    "|you're|you've|it's|there's|this_is|that's|taking|being|going|having|a_long|not",
    "he|she|they|owner|family|chief|sergeant|officer|deputy|someone|people|neighbor|he'll|she'll|they'll|mom|dad"
    " ... want|wants|wanted|like|liked|wish|wished|tried|try|asked|came [me] to {THANKS}",
    "thank|thanks the|him|her|them|whoever|the_other|the_officer|the_deputy|the_clerk",
    "^ you're_welcome|you_are_welcome|no_problem|no_worries|np|de_nada|my_pleasure $",
)

SARCASM: tuple[str, ...] = (
    # courtesy words in a hostile or mocking frame
    # thanks for what they said, mocked: "thanks a bunch for the bedtime story", "thanks for the novel"
    "{THANKS}|cheers|ta [ever_so_much|so_much|very_much|a_lot|a_bunch|a_ton|a_million|loads|heaps] [mate] for [all]"
    " [the|that|this|your] [lovely|wonderful|little|long|whole"
    "|riveting|fascinating|touching|heartwarming|sad|entire|fine|brilliant|expert|great] bedtime_story|novel"
    "|essay|life_story|sob_story|saga|speech|autobiography|memoir|ted_talk|history_lesson|monologue|sermon"
    "|performance|soap_opera|fairy_tale|tall_tale|rant|two_cents|expert_opinion|expert_advice|wisdom"
    "|words_of_wisdom|pearls_of_wisdom|brilliant_idea|genius_idea|play_by_play|running_commentary",
    # mocking titles: "thanks, genius", "nice going, Einstein", "what a hero", "my hero"
    "{THANKS}|nice_going|nice_job|nice_one|nice_work|good_job|great_job|good_going|way_to_go|well_done|bravo"
    "|smooth_move|smooth|brilliant|real_smart|real_clever|real_nice|sure_thing|okay|ok|yes|right|alright|whatever"
    "|great [,] genius|einstein|sherlock|hero|smarty|smarty_pants|smart_guy|smart_one|mastermind"
    "|rocket_scientist|professor|wise_guy|hotshot|big_shot|tough_guy|captain_obvious|princess|your_majesty"
    "|your_highness|slick|genius_here",
    "^ [{LEAD}] what_a|what_an|such_a|a_real|my|our|some|you_big|you_real|real|big [{INTENS}] hero|genius|champ"
    "|legend|saint|einstein|sherlock|rocket_scientist|mastermind|prodigy|prince|princess|comedian|catch|winner"
    "|gem|treasure|smart_guy|tough_guy|big_shot|hotshot|wise_guy|smarty_pants|know_it_all|know-it-all"
    "|role_model|citizen|good_samaritan [{TAG}] [!] $",
    "aren't|ain't|isn't you|he|she|they clever|special|smart|a_genius|a_hero|something|precious|cute|the_expert"
    "|the_smart_one|a_delight|a_treat|a_joy|a_peach|a_ray_of_sunshine",
    "look_at_you|la_di_da|la-di-da|well_excuse_me|excuse_me_princess|sorry_your_highness|yes_your_highness"
    "|yes_your_majesty|whatever_you_say_boss|whatever_you_say_chief|anything_you_say|if_you_say_so|i'm_sure_you_did"
    "|i'm_sure_you_are|i'm_sure_it_was|sure_you_do|sure_you_will|of_course_you_did|of_course_you_are|bless_your_little",
    "what_a|what_an|real|such_a|big|huge|talk_about_a shock|surprise|shocker|shocking",
    "shocker",
    "one_whole|two_whole|three_whole|five_whole|ten_whole|twenty_whole|an_entire|a_whole_entire",
    "and_i'm_the_queen|and_i'm_the_king|and_i'm_santa|and_i'm_the_pope|and_pigs_fly|when_pigs_fly|and_i'm_batman",
    "ain't|isn't|wasn't that|this [just] [a] [real|big] surprise|shock|shocker|convenient|special|shocking",
    "ain't|isn't that|this just wonderful|great|lovely|perfect|fantastic|dandy|peachy|swell|terrific",
    "how [{INTENS}] surprising|shocking|unexpected|original|convenient|unusual|novel",
    "who_could_have|who_would_have|who'd_have|who_would've|who_could've|who'd've|who_knew|never_would_have|never_would've"
    " guessed|thought|known|seen_that_coming|predicted",
    "{THANKS}|cheers|ta [ever_so_much|so_much|very_much|a_lot|a_bunch|a_ton|a_million] for [all] the|your|that yelling|screaming|attitude|insults|lecture|sarcasm|tone"
    "|headache|abuse|earful|grief|drama",
    "real_pleasure|a_real_pleasure|pleasure_as_always|always_a_pleasure|what_a_treat|lovely_as_always",
    "or are_we_done|can_i_go|are_you_done|we_done|am_i_done|are_we_finished|can_i_get_back|can_i_go_back|can_i_get_on",
    "are_we_done_here|we_done_here|are_we_done_yet",
    "nothing_better_to_do|nothing_else_to_do|got_nothing_but_time|all_the_time_in_the_world",
    "^ sure|yeah|right|oh_sure|oh_yeah [,] because",
    "congratulations|congrats [,] you",
    "the_horror|oh_the_horror|how_tragic|what_a_tragedy|my_heart_bleeds|cry_me_a_river|boo_hoo|poor_baby|poor_you"
    "|big_whoop|oh_joy|oh_goody|yeah_right|sure_you_did|sure_you_are|sure_it_was|must_be_nice|color_me"
    "|imagine_that|go_figure|big_surprise|no_kidding|no_duh|well_duh|slow_clap|whoop_de_doo|whoop_dee_doo"
    "|what_else_is_new|tell_me_something_i_don't_know|how_original|lucky_me|cry_about_it|get_in_line|so_sad_too_bad"
    "|too_bad_so_sad"
    "|too_sad|oh_the_humanity|world's_smallest_violin|smallest_violin|wah_wah|waa_waa|lmao|lmfao|rofl|smh",
    "^ duh $",
    "^ oh|just great|wonderful|fantastic|perfect|terrific|lovely [,] another|now|more|just_what|just_what_i|exactly_what",
    "^ [oh] great|wonderful|fantastic|perfect|terrific [,] just great|perfect|wonderful|fantastic|what_i_needed",
    "^ [oh] no [,] anyway|anyways|how_terrible|how_awful|not_that|not_again|whatever",
    "^ [oh] wow [,] what_a|how|a_whole|amazing|shocking|really_,_wow",
    "oh_please|oh_puh-lease|give_me_a_break|gimme_a_break|spare_me|save_it|save_the_drama|get_a_grip",
)

DISMISSIVE: tuple[str, ...] = (
    # brushing the visitor off
    "not my|our problem|job|concern|department|fault|issue|call|business|responsibility",
    "that's|that_is|it's|that's_just your problem|issue|business|fault|own_fault|own_problem",
    "your_problem_not_mine|that's_on_you|that_is_on_you|that's_a_you_problem",
    "calm|settle|simmer down",
    "^ [just] relax [sir|ma'am|lady|buddy|man|dude|okay|already|will_you] $",
    "relax sir|ma'am|lady|buddy|man|dude|already|will_you",
    "nothing [else|more] {I} can|could do",
    "not_a|no big deal",
    "it's_just_a|it's_only_a|just_a|only_a car|bike|phone|wallet|window|dog|purse|bag|scratch|dent|tire",
    "^ it|stuff|these_things|things happens|happen [okay|alright] $",
    "we get this|these|that|those [kinds_of_calls|calls] all_the_time|every_day|a_lot",
    "we get a_hundred|dozens|hundreds|tons|a_million|a_dozen|plenty|twenty [of] [these|those|calls] [a_day|a_week"
    "|every_day]",
    "^ it's|that's nothing $",
    "not something we handle|deal_with|do|care_about",
    "that's all i can help_with|do",
    "^ next [please|in_line] [!] $",
    # a curt "what is it?", "what do you want?" ("what do you need?", "what's the problem?" may just ask)
    "^ [station|police|sheriff|yeah|yes] [,] what_is_it|what_do_you_want|what_now|what_now_?|what_is_it_now"
    "|what_do_you_want_now [?] $",
    # "Okay, and?", "So?": their trouble answered with a shrug
    "^^ [okay|ok|yeah|right|uh_huh|mhm|and] [,] and|so ? $$",
    # a bare "Hold on!" brushes them off; "Hold on, connecting now." says why
    "^ [just] hang_on|hold_on|wait|wait_up|hold_it|hang_about [!] $$",
    "^ hang_on|hold_on|wait [,] i'm on|busy",
    "^ whatever [,]",
    "whatever $",
    "i_don't_care|i_do_not_care|deal_with_it|get_over_it|tough_luck|too_bad|tough_cookies|sucks_to_be_you"
    "|not_my_call|can't_help_you|call_someone_else|figure_it_out_yourself|you_figure_it_out|go_figure_it_out|it_is_what_it_is|rules_are_rules"
    "|that's_just_how_it_is|that's_the_way_it_is|that's_just_the_way_it_is|who_cares",
    "^ so_what [?] $",
    "^ [just] figure_it_out|shut_it [!] $",
    "stop yelling|crying|complaining|whining|screaming|bothering",
    "i'm_busy|make_it_quick|hurry_up|i_don't_have_time|i_haven't_got_time|i_don't_make_the_rules"
    "|what_do_you_want_me_to_do|what_am_i_supposed_to_do|don't_know_what_you_want_me_to_do|what_do_you_want_us_to_do"
    "|what_do_you_expect_us_to_do|what_do_you_expect_me_to_do|what_are_we_supposed_to_do|what_did_you_expect"
    "|what_you_want_me_to_do_about_it|not_my_department|we're_not_a_babysitting",
    "you_people|you_should_have|you_should've|your_own_fault|you_parked_illegally|i'm_not_sorry|not_sorry"
    "|read_the_sign|read_the_website|read_the_form|should_have_known_better",
    # told to find it out themselves: "Look it up online.", "google it"; not "I need the plate to look it up"
    "^ [{LEAD}] [{LEAD}] [just] [go] [and] look_it_up|look_that_up|look_them_up|google_it|google_that|go_look"
    "|search_it_up|search_for_it|check_online|go_online",
    "look_it_up|look_that_up|google_it|google_that|find_it|figure_it_out|check_it yourself|on_your_own",
    "why_don't_you|can't_you|couldn't_you|ever_heard_of|try|you_ever_heard_of [just] [go] look_it_up|look_that_up"
    "|google|google_it|the_internet|the_website|reading",
    "^ it's [all] on the website $",
    "i've|i_have heard|had enough|it|it_all|that_before",
    "take_it_up_with|take_that_up_with|go_complain_to|complain_to_someone_else",
    "not_a_matter_for|not_a_matter_we|not_something_this_office|not_this_office's|none_of_our_business",
    "why are you telling_me|bothering_me|calling_me|calling_us|bothering_us",
    # the blame put on them: "that'll happen if you leave a wallet in the car", "people need to be more careful",
    # "maybe don't park where you're not supposed to", "that's what you get for..."
    "that'll|that_will|that's_what|that_is_what|it'll|it_will|this_is_what|that's_what'll|that's_gonna|that's_going_to"
    " happen|happens|you_get|you_get_for|'ll_happen [,] if|when|for you|y'all|people|folks|ya",
    "people|folks|some_people|these_people|everyone|everybody|y'all|you_all need_to|have_to|gotta|got_to|ought_to"
    "|should|should_learn_to|must|better|'ve_got_to|'d_better [{INTENS}] be_more_careful|be_careful|wise_up"
    "|know_better|use_their_heads|use_your_head|use_some_common_sense|pay_more_attention|think_before|learn_to",
    "^ [{LEAD}] maybe|perhaps|next_time|how_about|try [you] [just] don't|do_not|stop|quit|try_not_to|not [,]",
    "next_time [,] don't|do_not|try_not_to|maybe_don't|lock|read|park_legally|think|be_more_careful",
    # their matter made small: "it's not a theme park ride", "this line's really for station business",
    # "it happens every night around here", "I've got other calls holding"
    "it's_not|it_is_not|this_is_not|this_isn't|this's_not|it_isn't|that's_not|we're_not|we_are_not|we_aren't"
    "|this_ain't|it_ain't|this_ain't_no|it_ain't_no|this_isn't_some|it's_not_some [a|an|some|no]"
    " theme_park|amusement_park|ride|hotel|taxi|taxi_service|babysitting_service|daycare|restaurant|starbucks"
    "|library|charity|social_club|playground|disneyland|circus|petting_zoo|field_trip|dating_service|uber|valet"
    "|concierge|lost_and_found_service|complaints_department|therapy_session|counseling_service|help_desk_for",
    "this_line|this_number|this_desk|this_counter|this_office|this_phone|this|we|this_line's|this_number's"
    " [is|'s|are] really|just|only_really for station_business|police_business|real_emergencies|real_police"
    "|actual|serious|important|real_problems|real_crimes",
    "^ [{LEAD}] [i|we] [can't] [,] i've_got|i_have|we've_got|we_have|i_got|got other|more|real calls|people"
    "|emergencies|folks|things|cases holding|waiting|to_get_to|to_deal_with|in_line|on_hold|to_handle|going_on",
    "real_crimes|actual_crimes|real_emergencies|real_police_work|bigger_fish_to_fry|better_things_to_do"
    "|more_important_things|more_important_calls",
    "it|stuff|that|this|these_things|things happens|happen|goes_on all_the_time|every_night|every_day|every_week"
    "|every_weekend|constantly|daily|nightly|every_five_minutes|twenty_times_a_day",
)

DISMISSIVE_EXCUSES: tuple[str, ...] = (
    # the words negated, quoted or reported, not said: "I'm not going to tell you to calm down", "nobody's
    # saying it's no big deal", "I know 'calm down' is the last thing you want to hear", "did they tell you it's
    # not their problem?", "don't let anyone tell you it's your fault"
    "not|never|n't|won't|wouldn't|nobody's|nobody|no_one's|no_one|ain't|never_going_to|not_about_to|not_here_to"
    "|i'd_never|i_would_never|last_thing_i'd|i'm_not|i_am_not|we're_not|nobody_is|no_one_is ...3 tell|telling|say"
    "|saying|ask|asking|expect|expecting|going_to_tell|gonna_tell",
    "last_thing|worst_thing|the_worst|never_helps|doesn't_help|don't_help|nobody_likes|no_one_likes|hate_being_told"
    "|hate_hearing|tired_of_hearing|sick_of_hearing|hate_when|tired_of_being|sick_of_being|nobody_wants"
    "|no_one_wants|always_say|always_tell|always_told|people_say|folks_say|they_say",
    "told|tell|telling|tells|said|say|says|saying you|ya|y'all|you_that|to_you ...6 calm|relax|settle|not_a|no_big"
    "|just_a|not_their|not_his|not_her|not_my|not_our|your_fault|your_problem|nothing|deal_with|get_over|too_bad"
    "|tough_luck|whatever|it_happens|stuff_happens|look_it_up|google",
    "they|he|she|someone|somebody|the_officer|the_deputy|the_clerk|the_other|whoever|that_guy|that_lady"
    "|the_person ...3 told|tell|said|say|says|telling|saying|went|acted|treated|brushed|blew|waved",
    "don't_let|never_let|if|whoever|whenever|if_anyone|if_anybody|if_someone|when_someone anyone|anybody|someone"
    "|somebody|them|people|they|folks [ever] tell|tells|told|say|says|said",
    "whatever works|you_need|you_prefer|you_like|you_want|you_decide|you_choose|you_think|is_easier|'s_easier"
    "|is_best|is_easiest|is_better|time|day|way|option|questions|else|suits|happens|you're_comfortable",
    "too_bad about|that|it",
    "relax [,] you're_safe|you_are_safe|everything's_okay|it's_okay|we've_got|we're_here|take_a_breath"
    "|take_your_time|he's_safe|she's_safe|they're_safe|you're_okay|you're_alright|in_the_waiting",
    "can|could|also|or_you_can look_it_up|find_it|check",
    "if_that's_easier|if_you_prefer|or_i_can|or_if_you|if_it's_easier|if_you'd_like",
    "tough_luck|bad_luck|tough_break|rough_luck|too_bad [,] sorry|i'm_sorry|i'm_so_sorry|man|buddy|pal|friend"
    "|so_sorry|that_sucks|that's_awful|that's_rough|what_a_shame|i_hate_that",
    # "oh, that's too bad": sorry for them ("too bad, we close at five" brushes them off)
    "^ oh|aw|aww|oh_no|gosh|oh_man|aw_man [,] that's|that_is|it's [{INTENS}] too_bad [{TAG}] $",
    "that's|that_is|it's|oh_that's|well_that's [{INTENS}] too_bad about|that|you|your",
    "not_your_fault|it's_not_your_fault|not_on_you",
)

RUDE: tuple[str, ...] = (
    "idiot|idiots|idiotic|dumber|stupider|brainless|stupid|dumb|dumbest|moron|morons|jerk|loser|pathetic|clown|dummy|dumbass|imbecile|airhead|bozo"
    "|numbskull|nitwit|dimwit|halfwit|lowlife|scum|crybaby|whiner|retard|retarded",
    # "Karen" the insult, not Karen the person ("we will call Karen")
    "a|such_a|total|real|typical|ok|okay|alright|sure|you|ya|being_a|full [,] karen|karens",
    "you|ya|you're_a|a|such_a|what_a|old|stupid|damn|silly fool",
    "are_you|you're|you_are|ur [{INTENS}] [this|that|so] dense|thick|dim|dimwitted",
    "are_you_dense|are_you_thick|are_you_slow|you_dense|piece_of_work|shut_your_mouth|shut_your_trap"
    "|zip_it|you're_hopeless|grow_up",
    "shut_up|get_lost|go_away|buzz_off|leave_me_alone|piss_off|screw_you|bite_me|get_out_of_my|get_outta"
    "|get_out_of_here|beat_it|scram|take_a_hike|get_out",
    "damn|damned|crap|crappy|shit|shitty|fuck|fucking|fucked|bitch|ass|asshole|bastard|bullshit|goddamn|dammit"
    "|wtf|stfu|effing|pissed|frickin|freaking_idiot",
    # contempt for who they are: "people like you", "your kind", "do you even speak English?"
    "people|folks|guys|types|ones|person|people_just|folks_just like_you|like_y'all|like_yourself",
    "your_kind|your_type|your_sort|the_likes_of_you|the_likes_of_y'all|you_lot|you_types|you_and_your_kind"
    "|people_of_your_kind|you_and_your_type|your_lot",
    "you|ya|u even|actually|really|can't|cannot speak|understand|read|talk english|englis|inglés|ingles",
    "speak|understand|read|talk|know|learn english|englis|ingles ...2 [,] or_not|or_what|or_something|or_no|or_nah"
    "|at_all|or_are_you|or_do_i|yet|already",
    "^ [{LEAD}] [just] speak|talk|learn english|englis|ingles [!] $",
    "can|do|did|could you|ya|u even read|write|listen|hear|understand|spell|count|think|follow",
    "^ [{LEAD}] learn_to_read|learn_to_listen|learn_to_spell|learn_to_count [!] $",
    "^ [{LEAD}] typical|so_typical [{TAG}] [!] $",
    "this_is_america|we_speak_english_here|in_america_we|learn_the_language|learn_to_speak_english|go_back_to_your"
    "|go_back_where_you|back_where_you_came_from|back_to_where_you_came_from",
    "are|can|do|did you|ya [even] [{INTENS}] listening|listen|hear|hearing|deaf|understand|follow|following|read"
    "|reading|paying_attention|getting_this|getting_it|get_it|comprehend|with_me [me] [,] or_not|or_what"
    "|or_something|or_no",
    "what_the_hell|what_the_heck|the_hell|go_to_hell|are_you_deaf|are_you_serious|are_you_stupid|you_deaf"
    "|can't_you_read|can_you_not_read|are_you_kidding_me|use_your_brain|get_a_clue|what's_wrong_with_you",
)

RUDE_EXCUSES: tuple[str, ...] = (
    # "we need more people like you", "it's people like you who make this job worth it"
    "more|thanks_to|grateful_for|thankful_for|thank_god_for|thank_goodness_for|we_need|world_needs|need_more"
    "|wish_there_were|if_only_there_were|if_everyone_were|if_everybody_were|bless|glad_there_are|proud_of ...3"
    " people|folks|guys|ones|person like_you|like_y'all|like_yourself",
    "people|folks|guys|ones|person like_you|like_y'all|like_yourself ...4 make|makes|made|help|helps|keep|keeps"
    "|inspire|inspires|are_why|are_the_reason_we|are_what|are_the_best|are_a_blessing|are_rare|are_heroes|step_up"
    "|make_a_difference|who_step_up|who_help|who_care|who_report|who_call|who_come_forward|who_speak_up|restore",
    # said of oneself: "I feel so stupid", "I'm such an idiot, I gave you the wrong number"
    "i|i'm|i_am|i_was|i_feel|i_felt|me|myself|i_must_be|i_must_have_been|silly_me|stupid_me|dumb_me|i_look|i_sound"
    "|i've_been|i_been [{INTENS}] [{INTENS}] [so|such|an|a|being|like|such_an|such_a] [{INTENS}] stupid|dumb|idiot"
    "|fool|moron|dummy|idiotic|clown|dumbass",
    # "I'm not calling you stupid", "nobody thinks you're dumb"
    "not|never|n't|nobody|no_one|nobody's|no_one's ...3 calling|call|think|thinks|saying|said|says|means|meant"
    " [that] you|you're|your|y'all [a|an] [{INTENS}] stupid|dumb|idiot|fool|moron|dense|slow",
    # a language asked about to get them an interpreter: "Do you speak English, or would Spanish be easier?"
    "interpreter|translator|language_line|in_spanish|or_spanish|another_language|your_language|prefer|more_comfortable",
    # reassurance, reported speech, sympathy in rough words, "fool" as a verb
    "don't|do_not|never|no_need_to|not|shouldn't feel|sound|look [like] [a|an] dumb|stupid|silly|idiot|fool",
    "acting|acted|behaving|behaved|acts|behaves like",
    "said|shouted|yelled|screamed|called|calling|call|told|telling|says|say|yelling|screaming ... shut_up|idiot"
    "|stupid|dumb|moron|fool|loser|jerk|names|get_out",
    "not stupid|dumb",
    "no|not_a|not_any|never_a|isn't_a|no_such_thing_as_a|not_such_a|wasn't_a [{INTENS}] dumb|stupid|silly"
    " question|questions",
    "[that's|it's|a|the|that|such_a|what_a|how] [{INTENS}] crappy|crummy|shitty way|thing|day|night|deal|feeling"
    "|situation|break|luck|week|morning|thing_to",
    "hell_of_a|heck_of_a|one_hell_of",
    "fool|fooled|fools a_lot|people|everyone|anyone|many|lots|them|us|folks|plenty|the_best|smart_people|you"
    "|anybody|a_bunch",
    "dumb luck",
)
