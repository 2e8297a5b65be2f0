/* SPDX-License-Identifier: MIT */
/* The words extraction rules key on, as gazetteer keywords (one hash lookup per token). */
#ifndef BILAT_KEYWORDS_H
#define BILAT_KEYWORDS_H

#include "extract-private.h"

typedef struct {
    int id;
    const char *words;  /* "|"-separated variants */
} bilat_keyword_entry;

static const bilat_keyword_entry bilat_keywords[] = {
    { KW_VISIT, "visit|visits|visited|visiting" },
    { KW_ARRIVE, "arrived|arrives|arrive|arrival|arriving|landed in" },
    { KW_TRIP, "trip|tour|travelled|traveled|travelling|traveling|travels|travel|journey|"
              "departs for|departed for|departing for|leaves for|left for|heads to|headed to|"
              "set off for|sets off for|flew to|flies to" },
    { KW_PRESENCE, "is in|are in|was in|were in|is currently in|are currently in" },
    { KW_MEET, "met|meet|meets|meeting|meetings|talks|negotiations|consultations|"
               "held talks|sat down|bilateral meeting|tete-a-tete|one-on-one|audience|"
               "courtesy call|courtesy calls|courtesy visit|presented his credentials|"
               "presented her credentials|presented credentials|bilateral discussions|"
               "held discussions|session|sessions|summit" },
    { KW_RECEIVE, "received|receives|receiving|hosted|hosts|welcomed" },
    { KW_PHONE, "telephone conversation|telephone conversations|phone conversation|"
                "phone call|phone calls|telephone call|telephone calls|telephone talks|"
                "phone talks|by telephone|by phone|over the phone|spoke by phone|"
                "telephoned|phoned" },
    { KW_VIDEO, "video conference|videoconference|video call|video link|"
                "videoconferencing|video-conference|virtual meeting|online meeting|"
                "virtual talks|video format|videolink" },
    { KW_SIGN, "signed|sign|signing|signs|inked|initialled|initialed|adopted|concluded|"
               "ink|endorsed|issued" },
    { KW_DOC, "agreement|memorandum|memorandum of understanding|MoU|MOU|programme|program|"
              "treaty|declaration|joint declaration|roadmap|road map|protocol|plan|"
              "action plan|joint statement|joint communique|communique|communiqué|accord|"
              "deal|convention|contract|charter|exchange of letters|MoUs|MOUs|memorandums|"
              "memoranda|agreements|treaties|declarations|protocols|contracts|deals|"
              "programmes|programs|roadmaps|conventions|accords" },
    { KW_DOCS, "documents|document|instruments|papers" },
    { KW_INVITE, "invitation|invited|invite|invites|inviting" },
    { KW_ACCEPT, "accepted|accepting|accepts" },
    { KW_MONTH, "January|February|March|April|May|June|July|August|September|October|"
                "November|December|Jan|Feb|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec" },
    { KW_WEEKDAY, "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday" },
    { KW_HONORIFIC, "Mr|Mrs|Ms|Dr|H.E|H.E.|His Excellency|Her Excellency|His Majesty|"
                    "Her Majesty|His Highness|Her Highness|His Royal Highness|Sheikh|Shaikh|"
                    "Prof|Professor|Excellency|Madam|Mme|Hon|Honourable|Honorable|Sir|Dame|"
                    "Ambassador-designate" },
    { KW_COUNTERPART, "counterpart|counterparts" },
    { KW_SIDES, "sides|parties|two countries|both countries|two states|both sides|"
                "two sides|two nations|both nations" },
    { KW_SIDE, "side" },
    /* Capitalized words that begin no name; they match capitalized words only
     * (bilat__gazetteer_add_keyword's capitalized), so that "the", "of" and "in", a fifth
     * of a release's words, are no keywords and cost the mention pass nothing. */
    { KW_STOP, "The|A|An|In|On|At|During|As|This|That|These|Those|He|She|They|It|His|Her|"
               "Their|We|Our|After|Before|Following|Both|Also|However|Meanwhile|Today|"
               "Yesterday|According|Speaking|Later|While|When|Moreover|Furthermore|"
               "Additionally|Besides|Within|Under|With|From|For|By|Of|To|And|But|Or|If|"
               "Since|Among|Upon|Regarding|Concerning|Despite|Thanks|Welcoming|Noting|"
               "Referring|Addressing|Deputy|Vice|First|Acting|Former|"
               "Prime|Senior|Special|New|Joint|General|Chief|Head|Heads|Leader|"
               "Leaders|President|Presidents|Premier|Official|Officials|Delegation|"
               "Delegations|Secretary|Chairman|Chairperson|Chair|Director|Envoy|Consul|"
               "Speaker|Governor|Mayor|King|Queen|Prince|Princess|Emir|Sultan|Crown|"
               "Republic|Kingdom|State|States|Federation|Union|United|Islamic|People's|"
               "Democratic|Federal|Socialist|Arab|Asia|Europe|Africa|America|Americas|"
               "Oceania|Atlantic|Caspian|Aral|Black|Red|Gulf|Central|"
               "Eastern|Western|Northern|Southern|East|West|North|South|Middle|Region|"
               "Global|World|Day|Days|Week|Year|Press|"
               "News|Photo|Source|Read|More|Share|Tags|Related|"
               "Independence|Monument|Centre|Center|"
               "Ceremony|Forum|Conference" },
    { KW_INSTITUTION, "Ministry|Ministries|Embassy|Embassies|Government|Governments|"
                      "Parliament|Cabinet|Council|Department|Office|Committee|"
                      "Commission|Service|Administration|Assembly|Senate|Mejlis|Majlis|"
                      "Duma|Congress|Court|"
                      "MFA|Presidency|Chancellery|Secretariat|Mission|Consulate|Directorate|House|"
                      "Palace|Hall|Residence|Building" },
    { KW_NAME_NOUN, "Fund|Foundation|Agency|Bank|Company|Corporation|Airlines|Airways|University|"
                    "Institute|Sea|Ocean|River|Lake|Peninsula|Strait|Straits|Basin|Desert|"
                    "Railways|Railway|Holding|Group|Airport|Port|Stock|Exchange|Times|"
                    "Herald|Tribune|Broadcasting|Television|Radio" },
    { KW_PORTFOLIO, "Foreign|Affairs|Trade|Economy|Economic|Finance|Finances|Transport|"
                    "Transportation|Agriculture|Health|Education|Science|Culture|Defence|"
                    "Defense|Justice|Industry|Industries|Infrastructure|Development|Regional|"
                    "Energy|Interior|Internal|Investment|Investments|Communications|Digital|"
                    "Technology|Technologies|Innovation|Labour|Labor|Social|Protection|"
                    "Environment|Natural|Resources|Water|Tourism|Sport|Sports|Youth|"
                    "Information|Emergency|Emergencies|Situations|Planning|Commerce|"
                    "Cooperation|International|External|European|Integration|Higher|"
                    "Public|Security|National|Mining|Oil|Gas|Petroleum|Mineral|Minerals|"
                    "Fisheries|Maritime|Road|Roads|Construction|Housing|Urban|Rural|Land|"
                    "Lands|Local|Family|Women|Children|Climate|Change|Ecology|"
                    "Telecommunications|Post|Media|Arts|Heritage|Religious|Pacific|Peoples|"
                    "Diaspora|Civil|Aviation|Petrochemicals|Chemical|Textile|Light|Heavy|"
                    "Food|Fishing|Forestry|Relations|Sustainable|Integration" },
    { KW_RELATIONS, "ties|partnership|relationship" },
    { KW_COOP, "co-operation|cooperate|cooperating|collaboration|collaborate|"
               "interaction|discussed|discuss|discussing|discussions|agreed|exchanged|"
               "bilateral|projects|project|prospects|potential|expand|expanding|"
               "strengthen|strengthening|deepen|deepening|boost|boosting|promote|promoting|"
               "enhance|enhancing|develop|developing|sectors|sector|fields|field|"
               "areas|spheres|sphere|opportunities|initiatives|ways|issues|agenda|support" },
    { KW_BETWEEN, "between" },
    { KW_PARTICLE, "bin|ibn|bint|al|el|de|da|del|della|van|von|der|den|du|la|le|dos|das|di|y|"
                   "ben|Al|El|Al-|abu|Abu" },
    { KW_SUFFIX, "Jr|Sr|II|III|IV|Jr.|Sr." },
    { KW_REACHED, "reached|achieved|earlier|previously|already|in force|concluded earlier" },
};

#endif /* BILAT_KEYWORDS_H */
