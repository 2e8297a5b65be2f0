/* SPDX-License-Identifier: MIT */
/* Synthetic diplomatic press releases from our own templates and vocabulary, fully seeded. */
#include "gen-lib.h"

#include <stdlib.h>
#include <string.h>

/* ---- random numbers ------------------------------------------------------------------- */

void
gen_rng_init (gen_rng *rng, uint64_t seed)
{
    rng->state = seed;
}

uint64_t
gen_rng_next (gen_rng *rng)
{
    uint64_t z = (rng->state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

/* Uniform in [0, n) by multiply-shift: no modulo bias worth measuring for our small n. */
static size_t
below (gen_rng *rng, size_t n)
{
    return (size_t) (((gen_rng_next (rng) >> 32) * (uint64_t) n) >> 32);
}

static int
between (gen_rng *rng, int lo, int hi)
{
    return lo + (int) below (rng, (size_t) (hi - lo + 1));
}

static gboolean
chance (gen_rng *rng, int percent)
{
    return (int) below (rng, 100) < percent;
}

#define PICK(rng, arr) ((arr)[below ((rng), G_N_ELEMENTS (arr))])

/* ---- vocabulary ----------------------------------------------------------------------- */

enum {
    NP_TURKIC, NP_SLAVIC, NP_WEST, NP_LATIN, NP_ARAB, NP_CHINESE, NP_JAPANESE, NP_KOREAN,
    NP_AFRICAN, NP_SOUTH_ASIA, NP_SOUTHEAST_ASIA
};

typedef struct {
    const char *name;     /* short name as written in running text */
    gboolean the;         /* takes "the" ("the Netherlands") */
    const char *formal;   /* full official name, or NULL when there is no other */
    const char *demonym;
    const char *capital;
    const char *region;   /* "a key partner in ..." */
    int names;            /* NP_*: where its officials' names come from */
    const char *hos;      /* head of state's title; NULL: President */
    const char *hog;      /* head of government's title; NULL: Prime Minister */
    const char *fm;       /* foreign minister's title; NULL: Minister of Foreign Affairs */
} state;

static const state states[] = {
    { "Kazakhstan", FALSE, "Republic of Kazakhstan", "Kazakh", "Astana", "Central Asia",
      NP_TURKIC, NULL, NULL, NULL },
    { "Uzbekistan", FALSE, "Republic of Uzbekistan", "Uzbek", "Tashkent", "Central Asia",
      NP_TURKIC, NULL, NULL, NULL },
    { "Kyrgyzstan", FALSE, "Kyrgyz Republic", "Kyrgyz", "Bishkek", "Central Asia",
      NP_TURKIC, NULL, "Chairman of the Cabinet of Ministers", NULL },
    { "Tajikistan", FALSE, "Republic of Tajikistan", "Tajik", "Dushanbe", "Central Asia",
      NP_TURKIC, NULL, NULL, NULL },
    { "Turkmenistan", FALSE, NULL, "Turkmen", "Ashgabat", "Central Asia", NP_TURKIC, NULL,
      NULL, NULL },
    { "Azerbaijan", FALSE, "Republic of Azerbaijan", "Azerbaijani", "Baku", "the South Caucasus",
      NP_TURKIC, NULL, NULL, NULL },
    { "Türkiye", FALSE, "Republic of Türkiye", "Turkish", "Ankara", "the Black Sea region",
      NP_TURKIC, NULL, "Vice President", NULL },
    { "Mongolia", FALSE, NULL, "Mongolian", "Ulaanbaatar", "Northeast Asia", NP_TURKIC, NULL,
      NULL, NULL },
    { "Russia", FALSE, "Russian Federation", "Russian", "Moscow", "Eurasia", NP_SLAVIC, NULL,
      NULL, NULL },
    { "Belarus", FALSE, "Republic of Belarus", "Belarusian", "Minsk", "Eastern Europe",
      NP_SLAVIC, NULL, NULL, NULL },
    { "Ukraine", FALSE, NULL, "Ukrainian", "Kyiv", "Eastern Europe", NP_SLAVIC, NULL, NULL,
      NULL },
    { "Poland", FALSE, "Republic of Poland", "Polish", "Warsaw", "Central Europe", NP_SLAVIC,
      NULL, NULL, NULL },
    { "Hungary", FALSE, NULL, "Hungarian", "Budapest", "Central Europe", NP_SLAVIC, NULL, NULL,
      "Minister of Foreign Affairs and Trade" },
    { "Serbia", FALSE, "Republic of Serbia", "Serbian", "Belgrade", "the Western Balkans",
      NP_SLAVIC, NULL, NULL, NULL },
    { "Czech Republic", TRUE, NULL, "Czech", "Prague", "Central Europe", NP_SLAVIC, NULL, NULL,
      NULL },
    { "Georgia", FALSE, NULL, "Georgian", "Tbilisi", "the South Caucasus", NP_SLAVIC, NULL,
      NULL, NULL },
    { "Armenia", FALSE, "Republic of Armenia", "Armenian", "Yerevan", "the South Caucasus",
      NP_SLAVIC, NULL, NULL, NULL },
    { "Bulgaria", FALSE, "Republic of Bulgaria", "Bulgarian", "Sofia", "Southeast Europe",
      NP_SLAVIC, NULL, NULL, NULL },
    { "Germany", FALSE, "Federal Republic of Germany", "German", "Berlin", "Europe", NP_WEST,
      "Federal President", "Federal Chancellor", "Federal Minister for Foreign Affairs" },
    { "France", FALSE, "French Republic", "French", "Paris", "Europe", NP_WEST, NULL, NULL,
      "Minister for Europe and Foreign Affairs" },
    { "Italy", FALSE, "Italian Republic", "Italian", "Rome", "the Mediterranean", NP_WEST, NULL,
      NULL, NULL },
    { "Spain", FALSE, "Kingdom of Spain", "Spanish", "Madrid", "Europe", NP_LATIN, "King",
      NULL, NULL },
    { "United Kingdom", TRUE, "United Kingdom of Great Britain and Northern Ireland", "British",
      "London", "Europe", NP_WEST, "King", NULL, "Foreign Secretary" },
    { "Netherlands", TRUE, "Kingdom of the Netherlands", "Dutch", "Amsterdam", "Europe",
      NP_WEST, "King", NULL, NULL },
    { "Belgium", FALSE, "Kingdom of Belgium", "Belgian", "Brussels", "Europe", NP_WEST, "King",
      NULL, NULL },
    { "Austria", FALSE, "Republic of Austria", "Austrian", "Vienna", "Central Europe", NP_WEST,
      "Federal President", "Federal Chancellor", NULL },
    { "Switzerland", FALSE, "Swiss Confederation", "Swiss", "Bern", "Europe", NP_WEST,
      "President of the Confederation", "Vice President of the Federal Council",
      "Head of the Federal Department of Foreign Affairs" },
    { "Sweden", FALSE, "Kingdom of Sweden", "Swedish", "Stockholm", "Northern Europe", NP_WEST,
      "King", NULL, NULL },
    { "Finland", FALSE, "Republic of Finland", "Finnish", "Helsinki", "Northern Europe",
      NP_WEST, NULL, NULL, NULL },
    { "Norway", FALSE, "Kingdom of Norway", "Norwegian", "Oslo", "Northern Europe", NP_WEST,
      "King", NULL, NULL },
    { "Portugal", FALSE, "Portuguese Republic", "Portuguese", "Lisbon", "Europe", NP_LATIN,
      NULL, NULL, NULL },
    { "Greece", FALSE, "Hellenic Republic", "Greek", "Athens", "the Eastern Mediterranean",
      NP_WEST, NULL, NULL, NULL },
    { "United States", TRUE, "United States of America", "American", "Washington",
      "North America", NP_WEST, NULL, "Vice President", "Secretary of State" },
    { "Canada", FALSE, NULL, "Canadian", "Ottawa", "North America", NP_WEST, NULL, NULL, NULL },
    { "Mexico", FALSE, "United Mexican States", "Mexican", "Mexico City", "Latin America",
      NP_LATIN, NULL, NULL, "Secretary of Foreign Affairs" },
    { "Brazil", FALSE, "Federative Republic of Brazil", "Brazilian", "Brasília",
      "Latin America", NP_LATIN, NULL, "Vice President", NULL },
    { "Argentina", FALSE, "Argentine Republic", "Argentine", "Buenos Aires", "Latin America",
      NP_LATIN, NULL, "Chief of Cabinet", NULL },
    { "Chile", FALSE, "Republic of Chile", "Chilean", "Santiago", "Latin America", NP_LATIN,
      NULL, "Minister of the Interior", NULL },
    { "Colombia", FALSE, "Republic of Colombia", "Colombian", "Bogotá", "Latin America",
      NP_LATIN, NULL, "Vice President", NULL },
    { "Peru", FALSE, "Republic of Peru", "Peruvian", "Lima", "Latin America", NP_LATIN, NULL,
      "President of the Council of Ministers", NULL },
    { "Cuba", FALSE, "Republic of Cuba", "Cuban", "Havana", "the Caribbean", NP_LATIN, NULL,
      NULL, NULL },
    { "Egypt", FALSE, "Arab Republic of Egypt", "Egyptian", "Cairo", "the Middle East",
      NP_ARAB, NULL, NULL, NULL },
    { "Saudi Arabia", FALSE, "Kingdom of Saudi Arabia", "Saudi", "Riyadh", "the Gulf region",
      NP_ARAB, "King", "Crown Prince and Prime Minister", NULL },
    { "United Arab Emirates", TRUE, NULL, "Emirati", "Abu Dhabi", "the Gulf region", NP_ARAB,
      NULL, "Vice President and Prime Minister", NULL },
    { "Qatar", FALSE, "State of Qatar", "Qatari", "Doha", "the Gulf region", NP_ARAB, "Emir",
      NULL, "Minister of State for Foreign Affairs" },
    { "Jordan", FALSE, "Hashemite Kingdom of Jordan", "Jordanian", "Amman", "the Middle East",
      NP_ARAB, "King", NULL, NULL },
    { "Morocco", FALSE, "Kingdom of Morocco", "Moroccan", "Rabat", "North Africa", NP_ARAB,
      "King", "Head of Government", NULL },
    { "Algeria", FALSE, "People's Democratic Republic of Algeria", "Algerian", "Algiers",
      "North Africa", NP_ARAB, NULL, NULL, NULL },
    { "Iran", FALSE, "Islamic Republic of Iran", "Iranian", "Tehran", "the Middle East",
      NP_ARAB, NULL, "First Vice President", NULL },
    { "China", FALSE, "People's Republic of China", "Chinese", "Beijing", "Asia", NP_CHINESE,
      NULL, "Premier of the State Council", NULL },
    { "Japan", FALSE, NULL, "Japanese", "Tokyo", "the Asia-Pacific region", NP_JAPANESE,
      "Emperor", NULL, NULL },
    { "Republic of Korea", TRUE, NULL, "Korean", "Seoul", "Northeast Asia", NP_KOREAN, NULL,
      NULL, NULL },
    { "Vietnam", FALSE, "Socialist Republic of Viet Nam", "Vietnamese", "Hanoi",
      "Southeast Asia", NP_SOUTHEAST_ASIA, NULL, NULL, NULL },
    { "Indonesia", FALSE, "Republic of Indonesia", "Indonesian", "Jakarta", "Southeast Asia",
      NP_SOUTHEAST_ASIA, NULL, "Vice President", NULL },
    { "Malaysia", FALSE, NULL, "Malaysian", "Kuala Lumpur", "Southeast Asia",
      NP_SOUTHEAST_ASIA, "King", NULL, NULL },
    { "Thailand", FALSE, "Kingdom of Thailand", "Thai", "Bangkok", "Southeast Asia",
      NP_SOUTHEAST_ASIA, "King", NULL, NULL },
    { "Philippines", TRUE, "Republic of the Philippines", "Filipino", "Manila",
      "Southeast Asia", NP_SOUTHEAST_ASIA, NULL, "Executive Secretary",
      "Secretary of Foreign Affairs" },
    { "Singapore", FALSE, "Republic of Singapore", "Singaporean", "Singapore", "Southeast Asia",
      NP_CHINESE, NULL, NULL, NULL },
    { "India", FALSE, "Republic of India", "Indian", "New Delhi", "South Asia", NP_SOUTH_ASIA,
      NULL, NULL, "Minister of External Affairs" },
    { "Pakistan", FALSE, "Islamic Republic of Pakistan", "Pakistani", "Islamabad", "South Asia",
      NP_SOUTH_ASIA, NULL, NULL, NULL },
    { "Bangladesh", FALSE, "People's Republic of Bangladesh", "Bangladeshi", "Dhaka",
      "South Asia", NP_SOUTH_ASIA, NULL, NULL, NULL },
    { "Nigeria", FALSE, "Federal Republic of Nigeria", "Nigerian", "Abuja", "West Africa",
      NP_AFRICAN, NULL, "Vice President", NULL },
    { "Kenya", FALSE, "Republic of Kenya", "Kenyan", "Nairobi", "East Africa", NP_AFRICAN,
      NULL, "Prime Cabinet Secretary", NULL },
    { "Ethiopia", FALSE, "Federal Democratic Republic of Ethiopia", "Ethiopian", "Addis Ababa",
      "the Horn of Africa", NP_AFRICAN, NULL, NULL, NULL },
    { "South Africa", FALSE, "Republic of South Africa", "South African", "Pretoria",
      "Southern Africa", NP_AFRICAN, NULL, "Deputy President",
      "Minister of International Relations and Cooperation" },
    { "Ghana", FALSE, "Republic of Ghana", "Ghanaian", "Accra", "West Africa", NP_AFRICAN,
      NULL, "Vice President", NULL },
    { "Senegal", FALSE, "Republic of Senegal", "Senegalese", "Dakar", "West Africa",
      NP_AFRICAN, NULL, NULL, NULL },
    { "Tanzania", FALSE, "United Republic of Tanzania", "Tanzanian", "Dodoma", "East Africa",
      NP_AFRICAN, NULL, NULL, NULL },
    { "Australia", FALSE, "Commonwealth of Australia", "Australian", "Canberra",
      "the Indo-Pacific", NP_WEST, "Governor-General", NULL, NULL },
    { "New Zealand", FALSE, NULL, "New Zealand", "Wellington", "the Pacific", NP_WEST,
      "Governor-General", NULL, NULL },
};

/* Invented officials: given names and family names are drawn separately, so no real person
 * is named except by chance. */
typedef struct {
    const char *const *male;
    size_t n_male;
    const char *const *female;
    size_t n_female;
    const char *const *family;
    size_t n_family;
    gboolean family_first;    /* East Asian order: "Wang Jianhua" */
    gboolean feminine_a;      /* "Sarsenov" becomes "Sarsenova" for a woman */
} name_pool;

static const char *const turkic_m[] = { "Aibek", "Nurlan", "Askar", "Timur", "Rustam", "Bakhyt",
    "Erlan", "Murat", "Farrukh", "Ganbold", "Elchin", "Kanat", "Ulugbek", "Serdar", "Emre",
    "Batbayar" };
static const char *const turkic_f[] = { "Dilnoza", "Gulnara", "Saule", "Kamila", "Zarina", "Aida",
    "Elvira", "Aigerim", "Nodira", "Sevinj", "Oyunchimeg", "Ayşe" };
static const char *const turkic_fam[] = { "Sarsenov", "Abdullaev", "Karimov", "Nurmagambetov",
    "Zhaksybekov", "Tursunov", "Rakhimov", "Ismoilov", "Beknazarov", "Orazov", "Yusupov",
    "Mammadov", "Kurmanaliev", "Dzhumabaev", "Ergashev", "Öztürk", "Yıldız", "Baatarov" };

static const char *const slavic_m[] = { "Aleksei", "Dmitri", "Tomasz", "Milan", "Pavel", "Andrei",
    "Bogdan", "Zoltán", "Nikola", "Levan", "Armen", "Stanislav", "Oleksandr", "Jiří" };
static const char *const slavic_f[] = { "Irina", "Olena", "Katarzyna", "Jelena", "Marta",
    "Svetlana", "Ivana", "Réka", "Nino", "Anahit", "Daria", "Zuzana" };
static const char *const slavic_fam[] = { "Kovalenko", "Petrov", "Nowak", "Horváth",
    "Jovanović", "Sokolov", "Marinov", "Dvořák", "Wiśniewski", "Ivanov", "Karapetyan",
    "Beridze", "Kuznetsov", "Szabó", "Melnyk", "Novák", "Gvasalia", "Lazarev" };

static const char *const west_m[] = { "Martin", "Johannes", "Pieter", "Lukas", "Thomas", "James",
    "Henrik", "Matteo", "Olivier", "Niklas", "Konstantinos", "Edward", "Stefan", "Callum" };
static const char *const west_f[] = { "Claire", "Sophie", "Ingrid", "Emma", "Anna", "Charlotte",
    "Giulia", "Elena", "Margot", "Astrid", "Eleni", "Harriet", "Saskia", "Ruth" };
static const char *const west_fam[] = { "Müller", "Dubois", "van der Berg", "Lindqvist", "Rossi",
    "Schneider", "Laurent", "Andersen", "Fischer", "Bianchi", "Hughes", "Whitfield",
    "Virtanen", "Papadakis", "Hofer", "Moreau", "O'Connell", "De Smet", "Halvorsen" };

static const char *const latin_m[] = { "Alejandro", "João", "Diego", "Rafael", "Sebastián",
    "Fernando", "Gonzalo", "Ricardo", "Joaquín", "Andrés", "Tiago", "Mateo" };
static const char *const latin_f[] = { "María", "Carolina", "Lucía", "Ana Paula", "Camila",
    "Beatriz", "Valentina", "Isabel", "Mariana", "Ximena", "Inês", "Paula" };
static const char *const latin_fam[] = { "García López", "Fernández", "Oliveira", "Santos",
    "Rodríguez", "Herrera", "Pereira", "Morales", "Castillo", "Mendes", "Navarro", "Vargas",
    "Silva", "Ortega", "Ramos", "Cabral", "Echeverría", "Quispe" };

static const char *const arab_m[] = { "Ahmed", "Khalid", "Omar", "Youssef", "Hassan", "Reza",
    "Tariq", "Karim", "Abdullah", "Faisal", "Nabil", "Majid", "Hamid", "Sultan" };
static const char *const arab_f[] = { "Fatima", "Layla", "Nadia", "Mariam", "Samira", "Huda",
    "Leila", "Rania", "Amal", "Noura", "Dina", "Shirin" };
static const char *const arab_fam[] = { "Al-Mansouri", "El-Sayed", "Haddad", "Al-Harthy",
    "Benali", "Nasser", "Khoury", "Mahmoud", "Al-Qasimi", "Tahiri", "Rostami", "Farouk",
    "Al-Otaibi", "Mansour", "Bouzid", "Saleh", "Ghanem", "Karimi" };

static const char *const chinese_m[] = { "Jianhua", "Wei", "Lifeng", "Guoqiang", "Hao", "Jun",
    "Zhiwei", "Mingyu", "Kai Wen", "Boon Heng" };
static const char *const chinese_f[] = { "Xiaoming", "Mei", "Lan", "Yan", "Hui", "Jing",
    "Xiu Ying", "Li Na", "Shu Fen" };
static const char *const chinese_fam[] = { "Wang", "Li", "Zhang", "Chen", "Liu", "Zhao",
    "Huang", "Zhou", "Tan", "Lim", "Ong", "Xu" };

static const char *const japanese_m[] = { "Haruto", "Hiroshi", "Kenji", "Takeshi", "Daisuke",
    "Shigeru", "Yoshio", "Ryota" };
static const char *const japanese_f[] = { "Yuki", "Akiko", "Naomi", "Keiko", "Sayaka",
    "Emiko", "Haruka" };
static const char *const japanese_fam[] = { "Tanaka", "Sato", "Yamamoto", "Nakamura", "Suzuki",
    "Watanabe", "Kobayashi", "Ishikawa", "Mori", "Fujita", "Okada" };

static const char *const korean_m[] = { "Min-jun", "Dong-hyun", "Sung-ho", "Jae-won",
    "Hyun-woo", "Tae-yang" };
static const char *const korean_f[] = { "Seo-yeon", "Ji-woo", "Eun-ji", "Hye-jin", "Soo-ah" };
static const char *const korean_fam[] = { "Kim", "Park", "Lee", "Choi", "Jung", "Kang",
    "Yoon", "Han" };

static const char *const african_m[] = { "Kwame", "Babatunde", "Tesfaye", "Thabo", "Ousmane",
    "Juma", "Chukwuemeka", "Kofi", "Abdoulaye", "Sipho", "Daniel", "Emmanuel" };
static const char *const african_f[] = { "Amina", "Ngozi", "Wanjiru", "Abena", "Fatou",
    "Nomvula", "Halima", "Aster", "Grace", "Zanele" };
static const char *const african_fam[] = { "Mensah", "Adeyemi", "Bekele", "Dlamini", "Diop",
    "Mwangi", "Okonkwo", "Boateng", "Ndiaye", "Nkosi", "Kimaro", "Haile", "Ochieng", "Sow" };

static const char *const south_asia_m[] = { "Rajesh", "Arjun", "Imran", "Vikram", "Anil",
    "Farhan", "Sanjay", "Tanvir", "Rohan", "Bilal" };
static const char *const south_asia_f[] = { "Priya", "Ananya", "Ayesha", "Sunita", "Nasreen",
    "Kavita", "Shabnam", "Meera" };
static const char *const south_asia_fam[] = { "Sharma", "Iyer", "Qureshi", "Chowdhury",
    "Menon", "Malik", "Rahman", "Desai", "Hossain", "Naqvi", "Reddy", "Bhattacharya" };

static const char *const southeast_m[] = { "Budi", "Arief", "Somchai", "Rizal", "Hafiz",
    "Anh Tuan", "Ramon", "Wirat", "Eduardo", "Azman" };
static const char *const southeast_f[] = { "Siti", "Dewi", "Malee", "Nurul", "Thi Lan",
    "Maricel", "Pimchanok", "Farah" };
static const char *const southeast_fam[] = { "Santoso", "Wijaya", "Rattanakorn", "Abdul Rahman",
    "Nguyen", "Tran", "Reyes", "Dela Cruz", "Saputra", "Chaiyaporn", "Ismail", "Pham" };

#define POOL(m, f, fam, first, fa) \
    { m, G_N_ELEMENTS (m), f, G_N_ELEMENTS (f), fam, G_N_ELEMENTS (fam), first, fa }

static const name_pool pools[] = {
    [NP_TURKIC] = POOL (turkic_m, turkic_f, turkic_fam, FALSE, TRUE),
    [NP_SLAVIC] = POOL (slavic_m, slavic_f, slavic_fam, FALSE, TRUE),
    [NP_WEST] = POOL (west_m, west_f, west_fam, FALSE, FALSE),
    [NP_LATIN] = POOL (latin_m, latin_f, latin_fam, FALSE, FALSE),
    [NP_ARAB] = POOL (arab_m, arab_f, arab_fam, FALSE, FALSE),
    [NP_CHINESE] = POOL (chinese_m, chinese_f, chinese_fam, TRUE, FALSE),
    [NP_JAPANESE] = POOL (japanese_m, japanese_f, japanese_fam, FALSE, FALSE),
    [NP_KOREAN] = POOL (korean_m, korean_f, korean_fam, TRUE, FALSE),
    [NP_AFRICAN] = POOL (african_m, african_f, african_fam, FALSE, FALSE),
    [NP_SOUTH_ASIA] = POOL (south_asia_m, south_asia_f, south_asia_fam, FALSE, FALSE),
    [NP_SOUTHEAST_ASIA] = POOL (southeast_m, southeast_f, southeast_fam, FALSE, FALSE),
};

/* Fields of cooperation: as written in running text, and title-cased inside agreement
 * titles ("Memorandum of Understanding on Cooperation in Renewable Energy"). */
typedef struct {
    const char *text;
    const char *title;
} area;

static const area areas[] = {
    { "trade", "Trade" },
    { "investment", "Investment" },
    { "energy", "Energy" },
    { "renewable energy", "Renewable Energy" },
    { "oil and gas", "Oil and Gas" },
    { "transport and logistics", "Transport and Logistics" },
    { "civil aviation", "Civil Aviation" },
    { "education", "Education" },
    { "culture", "Culture" },
    { "tourism", "Tourism" },
    { "healthcare", "Healthcare" },
    { "agriculture", "Agriculture" },
    { "food security", "Food Security" },
    { "digital technologies", "Digital Technologies" },
    { "information and communication technologies", "Information and Communication Technologies" },
    { "science and innovation", "Science and Innovation" },
    { "security", "Security" },
    { "defence", "Defence" },
    { "humanitarian affairs", "Humanitarian Affairs" },
    { "environmental protection", "Environmental Protection" },
    { "water management", "Water Management" },
    { "mining and metallurgy", "Mining and Metallurgy" },
    { "finance and banking", "Finance and Banking" },
    { "customs", "Customs" },
    { "labour migration", "Labour Migration" },
    { "space research", "Space Research" },
    { "sport and youth policy", "Sport and Youth Policy" },
    { "emergency response", "Emergency Response" },
    { "industry", "Industry" },
    { "media and information", "Mass Media" },
};

/* Sectoral ministries, each tied to the area its minister talks about. */
typedef struct {
    const char *ministry;  /* "Energy": "Minister of Energy" */
    int area;              /* index into areas */
} sector;

static const sector sectors[] = {
    { "Economy", 0 }, { "Energy", 2 }, { "Trade and Industry", 0 }, { "Education", 7 },
    { "Culture", 8 }, { "Transport", 5 }, { "Agriculture", 11 }, { "Health", 10 },
    { "Digital Development", 13 }, { "Finance", 22 }, { "Defence", 17 },
    { "Investment", 1 }, { "Tourism", 9 }, { "Science and Higher Education", 15 },
    { "Emergency Situations", 27 }, { "Ecology and Natural Resources", 19 },
};

typedef struct {
    const char *full;   /* "the Shanghai Cooperation Organisation" */
    const char *abbr;   /* "SCO" */
    gboolean the_abbr;  /* "the SCO" but "ASEAN" */
    const char *event;  /* what leaders meet "on the sidelines of" */
    const char *venue;
} organization;

static const organization orgs[] = {
    { "the United Nations", "UN", TRUE, "UN General Assembly", "New York" },
    { "the Shanghai Cooperation Organisation", "SCO", TRUE, "SCO summit", "Samarkand" },
    { "the European Union", "EU", TRUE, "European Council meeting", "Brussels" },
    { "the Association of Southeast Asian Nations", "ASEAN", FALSE, "ASEAN summit", "Jakarta" },
    { "the Commonwealth of Independent States", "CIS", TRUE, "CIS summit", "Bishkek" },
    { "the Organization for Security and Co-operation in Europe", "OSCE", TRUE,
      "OSCE Ministerial Council", "Vienna" },
    { "BRICS", "BRICS", FALSE, "BRICS summit", "Johannesburg" },
    { "the African Union", "AU", TRUE, "African Union summit", "Addis Ababa" },
    { "the Organisation of Islamic Cooperation", "OIC", TRUE,
      "OIC Council of Foreign Ministers", "Jeddah" },
    { "the Group of Twenty", "G20", TRUE, "G20 summit", "New Delhi" },
    { "the Conference on Interaction and Confidence Building Measures in Asia", "CICA", FALSE,
      "CICA summit", "Astana" },
    { "the Organization of Turkic States", "OTS", TRUE, "OTS summit", "Astana" },
    { "the World Trade Organization", "WTO", TRUE, "WTO Ministerial Conference", "Abu Dhabi" },
    { "the International Atomic Energy Agency", "IAEA", TRUE, "IAEA General Conference",
      "Vienna" },
    { "the Asia-Pacific Economic Cooperation forum", "APEC", FALSE, "APEC Leaders' Meeting",
      "San Francisco" },
    { "the Economic Cooperation Organization", "ECO", TRUE, "ECO summit", "Tashkent" },
};

typedef struct {
    const char *text;
    const char *title;
} status;

static const status statuses[] = {
    { "strategic partnership", "Strategic Partnership" },
    { "comprehensive strategic partnership", "Comprehensive Strategic Partnership" },
    { "enhanced strategic partnership", "Enhanced Strategic Partnership" },
    { "friendly relations", "Friendly Relations" },
    { "allied relations", "Allied Relations" },
    { "good-neighbourly relations", "Good-Neighbourly Relations" },
    { "comprehensive partnership", "Comprehensive Partnership" },
    { "privileged partnership", "Privileged Partnership" },
};

static const char *const months[] = { "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December" };
static const char *const weekdays[] = { "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday",
    "Friday", "Saturday" };
static const char *const number_words[] = { "zero", "one", "two", "three", "four", "five",
    "six", "seven", "eight", "nine", "ten" };
static const char *const ordinal_words[] = { "zeroth", "first", "second", "third", "fourth",
    "fifth", "sixth", "seventh", "eighth", "ninth", "tenth" };

static const char *const conflict_regions[] = { "the Middle East", "Myanmar",
    "the South China Sea", "the Sahel", "Afghanistan", "the South Caucasus", "the Arctic",
    "the Horn of Africa", "the Western Balkans", "the Red Sea", "the Gulf region",
    "the Great Lakes region", "Central Asia", "the Eastern Mediterranean" };

static const char *const goods[] = { "agricultural products", "textiles", "pharmaceuticals",
    "machinery and equipment", "fertilizers", "fruit and vegetables", "building materials",
    "electrical equipment", "meat and dairy products", "petrochemicals" };

static const char *const agencies[] = { "Meridian News", "Orbis Wire", "Silkway Press",
    "Northgate Newswire", "Caspian Herald", "Atlas Diplomatic Service", "Harbour Press",
    "Daybreak Agency" };

/* Sub-templates: expanded like sentences, so they may use placeholders themselves. */
static const char *const projects[] = {
    "the construction of a {mw} MW solar power plant",
    "the construction of a {mw} MW wind farm",
    "the modernisation of the international airport in {Bc}",
    "the {Ad}-{Bd}-{Cd} railway corridor",
    "the opening of a direct air route between {Ac} and {Bc}",
    "a joint venture for the production of agricultural machinery",
    "a new hydropower plant with a capacity of {mw} MW",
    "the joint production of pharmaceuticals",
    "the digitalisation of customs procedures at the border",
    "a branch campus of a {Ad} university in {Bc}",
};

static const char *const posts[] = {
    "non-permanent membership of the UN Security Council for {nextyear}-{year2}",
    "membership of the UN Human Rights Council",
    "the chairmanship of {org} in {nextyear}",
    "hosting the World Expo in {year6}",
    "hosting the next session of the UN Climate Change Conference",
};

static const char *const title_patterns[] = {
    "Agreement between the Government of {A} and the Government of {B} on Cooperation in the "
    "Field of {Area}",
    "Memorandum of Understanding on Cooperation in {Area}",
    "Programme of Cooperation in {Area} for {year}-{year2}",
    "Roadmap for Cooperation in {Area} for {year}-{year3}",
    "Agreement on the Mutual Promotion and Protection of Investments",
    "Convention for the Avoidance of Double Taxation and the Prevention of Fiscal Evasion",
    "Agreement on Visa-Free Travel for Holders of Diplomatic and Service Passports",
    "Joint Declaration on {Status}",
    "Plan of Consultations between the Ministries of Foreign Affairs for {year}-{nextyear}",
    "Treaty on Friendship and Cooperation",
    "Protocol amending the Agreement on International Road Transport",
    "Memorandum of Understanding between the Ministry of {Sector} of {A} and the Ministry of "
    "{Sector} of {B}",
    "Agreement on Cooperation in Combating Transnational Organized Crime",
    "Joint Statement on the Further Development of {Status}",
    "Programme of Cultural and Humanitarian Cooperation for {year}-{year3}",
    "Memorandum on the Establishment of a Joint Business Council",
};

/* ---- documents -------------------------------------------------------------------------- */

enum {
    ROLE_HOS, ROLE_HOG, ROLE_VP, ROLE_DPM, ROLE_FM, ROLE_MINISTER, ROLE_SPEAKER, ROLE_DEPFM,
    ROLE_AMB
};

enum {
    EV_VISIT, EV_MEETING, EV_PHONE, EV_VIDEO, EV_SIGNING, EV_AMBASSADOR, EV_CONSULT,
    EV_COMMISSION, EV_N
};

typedef struct {
    const state *st;
    const state *host;  /* for an ambassador: where accredited */
    int role;
    int sector;         /* ROLE_MINISTER: index into sectors */
    gboolean female;
    const char *given;
    const char *family;
} person;

typedef struct {
    gen_rng *rng;
    GString *out;
    size_t sentence;      /* offset in out where the current sentence began */
    const state *st[3];   /* A (acting), B (host or counterpart), C (a third state) */
    person p[2];          /* the main officials of A and B */
    person q[2];          /* a second official of each */
    int kind;
    const char *level;    /* "state", "official", "working" */
    int day, month, year; /* the event */
    int rel;              /* days between the event and the release: 0 or 1 */
    int est_year, est_day, est_month, status_year;
    size_t area[5];
    const organization *org;
    const status *status;
    const char *venue;    /* where the event took place, when not in B's capital */
    GString *title[3];
    uint32_t used[16];    /* per body group, the sentences already written */
    gboolean curly;       /* typographic quotes and apostrophes */
    const char *dash;
} doc_ctx;

static void expand (doc_ctx *c, const char *tmpl);

static gboolean
is_royal (const char *title)
{
    return strcmp (title, "King") == 0 || strcmp (title, "Emir") == 0 ||
           strcmp (title, "Emperor") == 0;
}

static void
append_state (doc_ctx *c, const state *s, gboolean formal_ok)
{
    /* Press offices use the formal name now and then, mostly in the first mention. */
    if (formal_ok && s->formal && chance (c->rng, 12)) {
        g_string_append (c->out, "the ");
        g_string_append (c->out, s->formal);
        return;
    }
    if (s->the)
        g_string_append (c->out, "the ");
    g_string_append (c->out, s->name);
}

static void
append_name (doc_ctx *c, const person *p)
{
    const name_pool *np = &pools[p->st->names];
    if (p->st->hos && is_royal (p->st->hos) && p->role == ROLE_HOS) {
        /* Monarchs go by their given name. */
        g_string_append (c->out, p->given);
        return;
    }
    if (np->family_first) {
        g_string_append_printf (c->out, "%s %s", p->family, p->given);
        return;
    }
    g_string_append_printf (c->out, "%s %s", p->given, p->family);
    if (p->female && np->feminine_a && (g_str_has_suffix (p->family, "ov") ||
                                        g_str_has_suffix (p->family, "ev") ||
                                        g_str_has_suffix (p->family, "in")))
        g_string_append_c (c->out, 'a');
}

static void
append_family (doc_ctx *c, const person *p)
{
    const name_pool *np = &pools[p->st->names];
    if (p->st->hos && is_royal (p->st->hos) && p->role == ROLE_HOS) {
        g_string_append_printf (c->out, "%s %s", p->st->hos, p->given);
        return;
    }
    g_string_append (c->out, p->family);
    if (p->female && np->feminine_a && (g_str_has_suffix (p->family, "ov") ||
                                        g_str_has_suffix (p->family, "ev") ||
                                        g_str_has_suffix (p->family, "in")))
        g_string_append_c (c->out, 'a');
}

/* The office without the state: "Minister of Energy", "Ambassador". */
static void
append_office (doc_ctx *c, const person *p)
{
    const state *s = p->st;
    switch (p->role) {
    case ROLE_HOS:
        g_string_append (c->out, s->hos ? s->hos : "President");
        break;
    case ROLE_HOG:
        g_string_append (c->out, s->hog ? s->hog : "Prime Minister");
        break;
    case ROLE_VP:
        g_string_append (c->out, "Vice President");
        break;
    case ROLE_DPM:
        g_string_append (c->out, "Deputy Prime Minister");
        break;
    case ROLE_FM:
        if (s->fm)
            g_string_append (c->out, s->fm);
        else
            g_string_append (c->out, chance (c->rng, 35) ? "Foreign Minister"
                                                         : "Minister of Foreign Affairs");
        break;
    case ROLE_MINISTER:
        g_string_append_printf (c->out, "Minister of %s", sectors[p->sector].ministry);
        break;
    case ROLE_SPEAKER:
        g_string_append (c->out, "Speaker of Parliament");
        break;
    case ROLE_DEPFM:
        g_string_append (c->out, chance (c->rng, 30) ? "Deputy Foreign Minister"
                                                     : "Deputy Minister of Foreign Affairs");
        break;
    default:
        g_string_append (c->out, "Ambassador");
        break;
    }
}

/* An appositive ("Aibek Sarsenov, President of Kazakhstan") needs a closing comma unless
 * the sentence or clause ends right after it. */
static void
close_appositive (doc_ctx *c, char next)
{
    if (next != '.' && next != ',' && next != ';' && next != ':' && next != '\0')
        g_string_append_c (c->out, ',');
}

/* First mention of an official, in one of the forms press offices use. */
static void
append_person_full (doc_ctx *c, const person *p, char next)
{
    int r = (int) below (c->rng, 100);
    if (p->role == ROLE_AMB) {
        if (r < 40) {
            g_string_append (c->out, "Ambassador of ");
            append_state (c, p->st, TRUE);
            g_string_append (c->out, " to ");
            append_state (c, p->host, FALSE);
            g_string_append_c (c->out, ' ');
            append_name (c, p);
        } else if (r < 65) {
            g_string_append_printf (c->out, "%s Ambassador to ", p->st->demonym);
            append_state (c, p->host, FALSE);
            g_string_append_c (c->out, ' ');
            append_name (c, p);
        } else if (r < 85) {
            append_name (c, p);
            g_string_append (c->out, ", Ambassador of ");
            append_state (c, p->st, TRUE);
            g_string_append (c->out, " to ");
            append_state (c, p->host, FALSE);
            close_appositive (c, next);
        } else {
            g_string_append (c->out, "Ambassador Extraordinary and Plenipotentiary of ");
            append_state (c, p->st, TRUE);
            g_string_append (c->out, " to ");
            append_state (c, p->host, FALSE);
            g_string_append_c (c->out, ' ');
            append_name (c, p);
        }
        return;
    }
    if (p->role == ROLE_HOS && p->st->hos && is_royal (p->st->hos)) {
        if (r < 60) {
            g_string_append_printf (c->out, "%s%s ", r < 20 ? "His Majesty " : "", p->st->hos);
            append_name (c, p);
            g_string_append (c->out, " of ");
            append_state (c, p->st, FALSE);
        } else {
            g_string_append_printf (c->out, "%s %s ", p->st->demonym, p->st->hos);
            append_name (c, p);
        }
        return;
    }
    if (r < 40) {
        append_office (c, p);
        g_string_append (c->out, " of ");
        append_state (c, p->st, TRUE);
        g_string_append_c (c->out, ' ');
        append_name (c, p);
    } else if (r < 65) {
        g_string_append_printf (c->out, "%s ", p->st->demonym);
        append_office (c, p);
        g_string_append_c (c->out, ' ');
        append_name (c, p);
    } else if (r < 85) {
        append_name (c, p);
        g_string_append (c->out, ", ");
        append_office (c, p);
        g_string_append (c->out, " of ");
        append_state (c, p->st, TRUE);
        close_appositive (c, next);
    } else {
        g_string_append (c->out, "the ");
        append_office (c, p);
        g_string_append (c->out, " of ");
        append_state (c, p->st, TRUE);
        g_string_append (c->out, ", ");
        append_name (c, p);
        close_appositive (c, next);
    }
}

static void
append_ordinal (doc_ctx *c, int n)
{
    if (n <= 10 && chance (c->rng, 60)) {
        g_string_append (c->out, ordinal_words[n]);
        return;
    }
    const char *suffix = "th";
    if (n % 100 < 11 || n % 100 > 13) {
        if (n % 10 == 1)
            suffix = "st";
        else if (n % 10 == 2)
            suffix = "nd";
        else if (n % 10 == 3)
            suffix = "rd";
    }
    g_string_append_printf (c->out, "%d%s", n, suffix);
}

/* Sakamoto's method; 0 is Sunday. */
static int
weekday (int y, int m, int d)
{
    static const int t[] = { 0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4 };
    if (m < 3)
        y -= 1;
    return (y + y / 4 - y / 100 + y / 400 + t[m - 1] + d) % 7;
}

/* The event's date as a release would state it, absolute or relative to the release. */
static void
append_date (doc_ctx *c)
{
    const char *mon = months[c->month - 1];
    switch (below (c->rng, 9)) {
    case 0:
    case 1:
        g_string_append_printf (c->out, "on %d %s %d", c->day, mon, c->year);
        break;
    case 2:
        g_string_append_printf (c->out, "on %s %d, %d", mon, c->day, c->year);
        break;
    case 3:
        g_string_append_printf (c->out, "on %d %s", c->day, mon);
        break;
    case 4:
        g_string_append_printf (c->out, "on %s %d", mon, c->day);
        break;
    case 5:
        g_string_append (c->out, c->rel ? "yesterday" : "today");
        break;
    case 6:
        g_string_append_printf (c->out, "on %s", weekdays[weekday (c->year, c->month, c->day)]);
        break;
    case 7:
        g_string_append_printf (c->out, "on %s, %d %s", weekdays[weekday (c->year, c->month,
                                                                        c->day)],
                                c->day, mon);
        break;
    default:
        g_string_append_printf (c->out, "on %02d.%02d.%d", c->day, c->month, c->year);
        break;
    }
}

/* A visit's or session's span of days. */
static void
append_date_range (doc_ctx *c)
{
    const char *mon = months[c->month - 1];
    int n = between (c->rng, 1, 2);
    switch (below (c->rng, 6)) {
    case 0:
        g_string_append_printf (c->out, "on %d-%d %s %d", c->day, c->day + n, mon, c->year);
        break;
    case 1:
        g_string_append_printf (c->out, "from %d to %d %s", c->day, c->day + n, mon);
        break;
    case 2:
        g_string_append_printf (c->out, "on %s %d-%d", mon, c->day, c->day + n);
        break;
    case 3:
        /* An en dash, as typeset releases write ranges. */
        g_string_append_printf (c->out, "on %d\u2013%d %s", c->day, c->day + n, mon);
        break;
    default:
        append_date (c);
        break;
    }
}

static void
append_money (doc_ctx *c)
{
    int whole = between (c->rng, 1, 9), tenth = between (c->rng, 0, 9);
    int millions = between (c->rng, 12, 95) * 10;
    switch (below (c->rng, 6)) {
    case 0:
        g_string_append_printf (c->out, "$%d.%d billion", whole, tenth);
        break;
    case 1:
        g_string_append_printf (c->out, "USD %d.%d billion", whole, tenth);
        break;
    case 2:
        g_string_append_printf (c->out, "%d.%d billion US dollars", whole, tenth);
        break;
    case 3:
        g_string_append_printf (c->out, "$%d million", millions);
        break;
    case 4:
        g_string_append_printf (c->out, "EUR %d million", millions);
        break;
    default:
        g_string_append_printf (c->out, "\u20ac%d.%d billion", whole, tenth);
        break;
    }
}

static void
append_percent (doc_ctx *c)
{
    int whole = between (c->rng, 2, 48), tenth = between (c->rng, 0, 9);
    switch (below (c->rng, 3)) {
    case 0:
        g_string_append_printf (c->out, "%d.%d%%", whole, tenth);
        break;
    case 1:
        g_string_append_printf (c->out, "%d.%d percent", whole, tenth);
        break;
    default:
        g_string_append_printf (c->out, "%d per cent", whole);
        break;
    }
}

static void
append_org (doc_ctx *c, const organization *o)
{
    switch (below (c->rng, 3)) {
    case 0:
        g_string_append_printf (c->out, "%s (%s)", o->full, o->abbr);
        break;
    case 1:
        g_string_append_printf (c->out, "%s%s", o->the_abbr ? "the " : "", o->abbr);
        break;
    default:
        g_string_append (c->out, o->full);
        break;
    }
}

static void
append_area_list (doc_ctx *c)
{
    size_t n = (size_t) between (c->rng, 2, 5);
    for (size_t i = 0; i < n; i++) {
        if (i > 0)
            g_string_append (c->out, i + 1 == n ? " and " : ", ");
        g_string_append (c->out, areas[c->area[i]].text);
    }
}

/* Whether out's end is the start of a sentence, looking past opening quotes. */
static gboolean
at_sentence_start (const doc_ctx *c)
{
    size_t i = c->out->len;
    while (i > c->sentence) {
        unsigned char b = (unsigned char) c->out->str[i - 1];
        if (b == '"' || b == '\'')
            i--;
        else if (i - c->sentence >= 3 && b >= 0x80 &&
                 (memcmp (c->out->str + i - 3, "\u201c", 3) == 0 ||
                  memcmp (c->out->str + i - 3, "\u2018", 3) == 0))
            i -= 3;
        else
            break;
    }
    if (i == c->sentence)
        return TRUE;
    /* A later sentence of the same template: "... to Baku. {heA} was welcomed ...". */
    return i >= c->sentence + 2 && c->out->str[i - 1] == ' ' &&
           (c->out->str[i - 2] == '.' || c->out->str[i - 2] == '!' || c->out->str[i - 2] == '?');
}

static const person *
person_for (doc_ctx *c, char who, gboolean second)
{
    int i = who == 'A' ? 0 : 1;
    return second ? &c->q[i] : &c->p[i];
}

/* Expand one placeholder key. next is the template byte after the closing brace. */
static void
emit_key (doc_ctx *c, const char *key, char next)
{
    size_t start = c->out->len;
    gboolean cap = at_sentence_start (c);
    size_t klen = strlen (key);
    char last = klen ? key[klen - 1] : '\0';
    int si = last == 'A' ? 0 : last == 'B' ? 1 : 2;

    if (klen == 1 && (key[0] == 'A' || key[0] == 'B' || key[0] == 'C'))
        append_state (c, c->st[si], TRUE);
    else if (klen == 2 && key[1] == 'n')
        append_state (c, c->st[key[0] - 'A'], FALSE);
    else if (klen == 2 && key[1] == 'd')
        g_string_append (c->out, c->st[key[0] - 'A']->demonym);
    else if (klen == 2 && key[1] == 'c')
        g_string_append (c->out, c->st[key[0] - 'A']->capital);
    else if (klen == 2 && key[1] == 'r')
        g_string_append (c->out, c->st[key[0] - 'A']->region);
    else if (klen == 2 && (key[0] == 'P' || key[0] == 'Q'))
        append_person_full (c, person_for (c, key[1], key[0] == 'Q'), next);
    else if (klen == 2 && (key[0] == 'p' || key[0] == 'q'))
        append_family (c, person_for (c, key[1], key[0] == 'q'));
    else if (klen == 2 && key[0] == 'N')
        append_name (c, person_for (c, key[1], FALSE));
    else if (klen == 2 && key[0] == 'O')
        append_office (c, person_for (c, key[1], FALSE));
    else if (klen == 2 && key[0] == 't') {
        const person *p = person_for (c, key[1], FALSE);
        if (p->role == ROLE_HOS && p->st->hos && is_royal (p->st->hos))
            g_string_append_printf (c->out, "the %s", p->st->hos);
        else {
            g_string_append (c->out, "the ");
            append_office (c, p);
        }
    } else if (strncmp (key, "he", 2) == 0 && klen == 3)
        g_string_append (c->out, person_for (c, last, FALSE)->female ? "she" : "he");
    else if (strncmp (key, "his", 3) == 0 && klen == 4)
        g_string_append (c->out, person_for (c, last, FALSE)->female ? "her" : "his");
    else if (strncmp (key, "him", 3) == 0 && klen == 4)
        g_string_append (c->out, person_for (c, last, FALSE)->female ? "her" : "him");
    else if (strcmp (key, "date") == 0)
        append_date (c);
    else if (strcmp (key, "dates") == 0)
        append_date_range (c);
    else if (strcmp (key, "year") == 0)
        g_string_append_printf (c->out, "%d", c->year);
    else if (strcmp (key, "prevyear") == 0)
        g_string_append_printf (c->out, "%d", c->year - 1);
    else if (strcmp (key, "nextyear") == 0)
        g_string_append_printf (c->out, "%d", c->year + 1);
    else if (strcmp (key, "year2") == 0)
        g_string_append_printf (c->out, "%d", c->year + 2);
    else if (strcmp (key, "year3") == 0)
        g_string_append_printf (c->out, "%d", c->year + 3);
    else if (strcmp (key, "year6") == 0)
        g_string_append_printf (c->out, "%d", c->year + 6);
    else if (strcmp (key, "estyear") == 0)
        g_string_append_printf (c->out, "%d", c->est_year);
    else if (strcmp (key, "statyear") == 0)
        g_string_append_printf (c->out, "%d", c->status_year);
    else if (strcmp (key, "estdate") == 0)
        g_string_append_printf (c->out, "%d %s %d", c->est_day, months[c->est_month - 1],
                                c->est_year);
    else if (strcmp (key, "anniv") == 0)
        append_ordinal (c, c->year - c->est_year);
    else if (strcmp (key, "level") == 0)
        g_string_append (c->out, c->level);
    else if (strcmp (key, "alevel") == 0)
        g_string_append_printf (c->out, "%s %s", c->level[0] == 'o' ? "an" : "a", c->level);
    else if (strcmp (key, "area") == 0 || strcmp (key, "area2") == 0 ||
             strcmp (key, "area3") == 0)
        g_string_append (c->out, areas[c->area[klen == 4 ? 0 : key[4] - '1']].text);
    else if (strcmp (key, "Area") == 0)
        g_string_append (c->out, areas[c->area[0]].title);
    else if (strcmp (key, "areas") == 0)
        append_area_list (c);
    else if (strcmp (key, "Sector") == 0)
        g_string_append (c->out, sectors[c->p[0].sector].ministry);
    else if (strcmp (key, "org") == 0)
        append_org (c, c->org);
    else if (strcmp (key, "orgev") == 0)
        g_string_append_printf (c->out, "the %s", c->org->event);
    else if (strcmp (key, "venue") == 0)
        g_string_append (c->out, c->venue ? c->venue : c->org->venue);
    else if (strcmp (key, "status") == 0)
        g_string_append (c->out, c->status->text);
    else if (strcmp (key, "Status") == 0)
        g_string_append (c->out, c->status->title);
    else if (strcmp (key, "title") == 0 || strcmp (key, "title2") == 0 ||
             strcmp (key, "title3") == 0)
        g_string_append (c->out, c->title[klen == 5 ? 0 : key[5] - '1']->str);
    else if (strcmp (key, "money") == 0)
        append_money (c);
    else if (strcmp (key, "pct") == 0)
        append_percent (c);
    else if (strcmp (key, "num") == 0)
        g_string_append_printf (c->out, "%s %d", chance (c->rng, 50) ? "more than" : "about",
                                between (c->rng, 2, 40) * 10);
    else if (strcmp (key, "nword") == 0) {
        int n = between (c->rng, 2, 18);
        if (n <= 10)
            g_string_append (c->out, number_words[n]);
        else
            g_string_append_printf (c->out, "%d", n);
    } else if (strcmp (key, "ord") == 0)
        append_ordinal (c, between (c->rng, 2, 24));
    else if (strcmp (key, "months") == 0)
        g_string_append_printf (c->out, "%s months",
                                number_words[between (c->rng, 3, 10)]);
    else if (strcmp (key, "mw") == 0)
        g_string_append_printf (c->out, "%d", between (c->rng, 5, 150) * 10);
    else if (strcmp (key, "region") == 0)
        g_string_append (c->out, PICK (c->rng, conflict_regions));
    else if (strcmp (key, "goods") == 0)
        g_string_append (c->out, PICK (c->rng, goods));
    else if (strcmp (key, "agency") == 0)
        g_string_append (c->out, PICK (c->rng, agencies));
    else if (strcmp (key, "project") == 0)
        expand (c, PICK (c->rng, projects));
    else if (strcmp (key, "post") == 0)
        expand (c, PICK (c->rng, posts));
    else if (strcmp (key, "lq") == 0)
        g_string_append (c->out, c->curly ? "\u201c" : "\"");
    else if (strcmp (key, "rq") == 0)
        g_string_append (c->out, c->curly ? "\u201d" : "\"");
    else if (strcmp (key, "s") == 0)
        g_string_append (c->out, c->curly ? "\u2019s" : "'s");
    else if (strcmp (key, "dash") == 0)
        g_string_append (c->out, c->dash);
    else
        g_error ("bilat-gen: unknown placeholder {%s}", key);

    /* Sentence-initial placeholders ("yesterday", "the Minister") start with a capital. */
    if (cap && start < c->out->len && c->out->str[start] >= 'a' && c->out->str[start] <= 'z')
        c->out->str[start] = (char) (c->out->str[start] - 'a' + 'A');
}

/* Append tmpl with its {placeholders} expanded. */
static void
expand (doc_ctx *c, const char *tmpl)
{
    const char *p = tmpl;
    while (*p) {
        const char *open = strchr (p, '{');
        if (open == NULL) {
            g_string_append (c->out, p);
            break;
        }
        g_string_append_len (c->out, p, open - p);
        const char *close = strchr (open, '}');
        g_assert (close != NULL);
        char key[32];
        size_t klen = (size_t) (close - open - 1);
        g_assert (klen < sizeof key);
        memcpy (key, open + 1, klen);
        key[klen] = '\0';
        emit_key (c, key, close[1]);
        p = close + 1;
    }
}

static void
sentence (doc_ctx *c, const char *tmpl)
{
    c->sentence = c->out->len;
    expand (c, tmpl);
}

/* ---- templates ------------------------------------------------------------------------- */

/* A sentence split over two lines is parenthesized where it is the only split one of its
 * array, which is what clang's -Wstring-concatenation takes for a missing comma. */

#define N_OF(arr) G_N_ELEMENTS (arr)

static const char *const headlines_visit[] = {
    "{Ad} {OA} to pay {level} visit to {Bn}",
    "{OA} {pA} arrives in {Bc} on {level} visit",
    "{pA} and {pB} hold talks in {Bc}",
    "{Ad} {OA} begins {level} visit to {Bn}",
    "{An} and {Bn} agree to deepen cooperation in {area}",
};
static const char *const headlines_meeting[] = {
    "{pA} meets {Bd} counterpart",
    "{An} and {Bn} discuss cooperation in {area}",
    "Meeting with the {OB} of {Bn}",
    "{Ad}-{Bd} talks held in {Bc}",
};
static const char *const headlines_phone[] = {
    "{pA} holds phone talks with {Bd} counterpart",
    "Telephone conversation with the {OB} of {Bn}",
    "{Ad} and {Bd} leaders discuss {area} by phone",
};
static const char *const headlines_video[] = {
    "{pA} and {pB} hold videoconference",
    "{Ad} and {Bd} officials meet online",
};
static const char *const headlines_signing[] = {
    "{An} and {Bn} sign {nword} cooperation documents",
    "{An}, {Bn} sign memorandum on {area}",
    "New {Ad}-{Bd} agreements signed in {Bc}",
};
static const char *const headlines_amb[] = {
    "{pB} receives Ambassador of {An}",
    "Meeting with the newly appointed Ambassador of {An}",
    "Farewell meeting with the {Ad} Ambassador",
};
static const char *const headlines_consult[] = {
    "{Ad}-{Bd} political consultations held in {Bc}",
    "Foreign ministries of {An} and {Bn} hold consultations",
};
static const char *const headlines_commission[] = {
    "{ord} session of the {Ad}-{Bd} intergovernmental commission",
    "{An} and {Bn} review economic cooperation in {Bc}",
};

static const char *const leads_visit[] = {
    "{PA} paid {alevel} visit to {B} {dates}.",
    "{PA} arrived in {Bc} {date} on {alevel} visit at the invitation of {PB}.",
    "At the invitation of {PB}, {PA} is paying {alevel} visit to {B} {dates}.",
    ("{PA} will pay {alevel} visit to {B} {dates}, the press service of the Ministry of "
     "Foreign Affairs of {An} reported."),
    "{date}, {PA} began {alevel} visit to {B}. {heA} was welcomed at the airport by {QB}.",
};
static const char *const leads2_visit[] = {
    "Talks between {pA} and {pB} were held in {Bc} in narrow and extended formats.",
    ("The programme of the visit includes talks with {PB} and meetings with members of the "
     "government."),
    "This is the first visit of the {Ad} {OA} to {Bn} in {nword} years.",
    "{pA} is accompanied by {QA} and a large business delegation.",
};
static const char *const leads_meeting[] = {
    "{date}, {PA} met with {PB} in {Bc}.",
    "{PA} held talks with {PB} on the sidelines of {orgev} in {venue} {date}.",
    "{PB} received {PA}, who is on {alevel} visit to {B}.",
    "{date}, {PA} and {PB} held bilateral talks in {Bc}.",
    "A meeting between {PA} and {PB} took place {date} in {Bc}.",
};
static const char *const leads2_meeting[] = {
    "The meeting was also attended by {QA} and {QB}.",
    "The talks took place in a friendly and constructive atmosphere.",
    "It was the second meeting of the two officials this year.",
};
static const char *const leads_phone[] = {
    "{date}, {PA} held a telephone conversation with {PB}.",
    "{PA} spoke by phone with {PB} {date}.",
    "A telephone conversation took place {date} between {PA} and {PB}.",
    "At the initiative of the {Bd} side, {PA} had a phone call with {PB} {date}.",
};
static const char *const leads2_phone[] = {
    "{pB} congratulated {pA} on the national holiday and wished the people of {An} peace "
    "and prosperity.",
    "The conversation focused on the implementation of agreements reached during the last "
    "meeting in {Ac}.",
    "{pA} thanked {hisA} counterpart for the assistance provided after the recent floods.",
};
static const char *const leads_video[] = {
    "{date}, {PA} and {PB} held talks via videoconference.",
    "{PA} held a video call with {PB} {date}.",
    "Online talks between {PA} and {PB} took place {date} in video conference format.",
};
static const char *const leads2_video[] = {
    "The sides reviewed preparations for the upcoming session of the intergovernmental "
    "commission.",
    "Representatives of the relevant ministries of the two countries joined the call.",
};
static const char *const leads_signing[] = {
    "{date}, {PA} and {PB} signed the {title} in {Bc}.",
    ("Following the talks in {Bc}, {A} and {B} signed {nword} documents, including the {title} "
     "and the {title2}."),
    "The {title} was signed {date} in {Bc} by {PA} and {PB}.",
    "In the presence of {PA} and {PB}, the parties signed the {title} in {Bc} {date}.",
};
static const char *const leads2_signing[] = {
    "The document provides for joint projects in {area} and {area2}.",
    "The agreement will enter into force after the completion of domestic procedures.",
    "The signing ceremony was followed by a joint press conference.",
};
static const char *const leads_amb[] = {
    "{date}, {PB} received {PA} on the occasion of the completion of {hisA} diplomatic mission.",
    ("{PB} met with the newly appointed Ambassador of {A} to {B}, {NA}, who presented a copy "
     "of {hisA} credentials."),
    "{PB} received {PA} at {hisA} request {date}.",
    "{date}, {PA} paid a courtesy call on {PB}.",
};
static const char *const leads2_amb[] = {
    "The Ambassador conveyed greetings from the leadership of {An}.",
    "The interlocutors discussed the agenda of bilateral contacts for the coming months.",
};
static const char *const leads_consult[] = {
    "{date}, {Bc} hosted the {ord} round of political consultations between the Ministries "
    "of Foreign Affairs of {A} and {B}.",
    "Political consultations between the foreign ministries of {A} and {B} took place in "
    "{Bc} {date}.",
    "{PA} held political consultations with {PB} in {Bc} {date}.",
};
static const char *const leads2_consult[] = {
    "The {Ad} delegation was headed by {PA}, and the {Bd} delegation by {PB}.",
    "The consultations were held in accordance with the Plan of Consultations for "
    "{year}-{nextyear}.",
};
static const char *const leads_commission[] = {
    "The {ord} meeting of the Intergovernmental Commission on Trade and Economic Cooperation "
    "between {A} and {B} was held in {Bc} {dates}.",
    "{date}, {Bc} hosted the {ord} session of the {Ad}-{Bd} intergovernmental commission, "
    "co-chaired by {PA} and {PB}.",
};
static const char *const leads2_commission[] = {
    "The commission is co-chaired by {PA} and {PB}.",
    "More than {num} representatives of government agencies and companies took part.",
};

typedef struct {
    const char *const *headlines;
    size_t n_headlines;
    const char *const *leads;
    size_t n_leads;
    const char *const *leads2;
    size_t n_leads2;
} kind_templates;

#define KIND(h, l, l2) { h, N_OF (h), l, N_OF (l), l2, N_OF (l2) }

static const kind_templates kinds[EV_N] = {
    [EV_VISIT] = KIND (headlines_visit, leads_visit, leads2_visit),
    [EV_MEETING] = KIND (headlines_meeting, leads_meeting, leads2_meeting),
    [EV_PHONE] = KIND (headlines_phone, leads_phone, leads2_phone),
    [EV_VIDEO] = KIND (headlines_video, leads_video, leads2_video),
    [EV_SIGNING] = KIND (headlines_signing, leads_signing, leads2_signing),
    [EV_AMBASSADOR] = KIND (headlines_amb, leads_amb, leads2_amb),
    [EV_CONSULT] = KIND (headlines_consult, leads_consult, leads2_consult),
    [EV_COMMISSION] = KIND (headlines_commission, leads_commission, leads2_commission),
};

/* Body paragraphs: a group of sentences on one subject, and the kinds it suits. */
static const char *const body_topics[] = {
    "The parties discussed the current state and prospects of cooperation in {areas}.",
    "During the talks, the sides reviewed the implementation of earlier agreements and "
    "discussed cooperation in {areas}.",
    "Special attention was paid to expanding cooperation in {area} and {area2}.",
    "The interlocutors noted the positive dynamics of {Ad}-{Bd} cooperation in {area}.",
    "{pA} stressed the importance of joint projects in {area}, including {project}.",
    "{pB} expressed interest in attracting {Ad} investment in {area2}.",
    "The two sides agreed to step up contacts between the relevant ministries and agencies "
    "in {area3}.",
    "Issues of cooperation in {area3} were also on the agenda.",
    "{tA} noted that {An} attaches great importance to developing {status} with {B}.",
    "The sides considered ways to diversify the range of goods in mutual trade.",
    "Particular emphasis was placed on joint investment projects worth {money}.",
    "The parties agreed to set up a joint working group on {area2}.",
    "{pB} briefed {hisB} counterpart on the economic reforms under way in {Bn}.",
    "The importance of direct contacts between the regions of the two countries was "
    "emphasized.",
    "The sides noted the readiness of {Ad} companies to take part in infrastructure projects "
    "in {Bn}.",
};
static const char *const body_trade[] = {
    ("According to official data, bilateral trade reached {money} in {prevyear}, up {pct} on "
     "the previous year."),
    "In the first {months} of {year}, trade between the two countries grew by {pct}.",
    "The sides set the goal of bringing mutual trade to {money} in the coming years.",
    "{num} companies with {Ad} capital currently operate in {Bn}.",
    "{Bd} investment in the {Ad} economy has exceeded {money} since {estyear}.",
    "The parties noted the potential to increase exports of {goods} from {An} to {Bn}.",
    "The share of {goods} in {Ad} exports to {Bn} has grown steadily.",
    "The parties discussed the launch of a joint investment fund with a capital of {money}.",
    "Work on removing non-tariff barriers in mutual trade was also discussed.",
};
static const char *const body_quote[] = {
    "{lq}{An} regards {Bn} as a reliable and time-tested partner,{rq} {pA} said.",
    "{lq}We are interested in further strengthening our {status},{rq} said {tB}.",
    "{lq}Our countries are bound by long-standing ties of friendship and mutual respect,{rq} "
    "{pB} emphasized.",
    "{lq}The agreements reached today open new opportunities for our peoples,{rq} {pA} told "
    "journalists after the talks.",
    "{pA} said: {lq}We see great potential in {area} and are ready to move to concrete "
    "projects.{rq}",
    "According to {pB}, {lq}there is considerable untapped potential in {area2}.{rq}",
    "{lq}Today{s} talks were substantive and productive,{rq} {tA} noted.",
    "{pB} described {An} as {lq}an important and promising partner in {Ar}{rq}.",
};
static const char *const body_org[] = {
    "The sides also discussed interaction within {org} and other multilateral platforms.",
    "{pA} thanked the {Bd} side for supporting {An}{s} bid for {post}.",
    "The parties stressed the importance of close coordination within {org}.",
    "{pB} congratulated {pA} on {An}{s} successful chairmanship of {org} in {prevyear}.",
    "{An} and {Bn} agreed to coordinate their positions ahead of {orgev}.",
    "{pA} briefed {hisA} counterpart on the priorities of {An} within {org}.",
};
static const char *const body_region[] = {
    "The interlocutors exchanged views on the situation in {region}.",
    "Views were also exchanged on topical issues of the regional and international agenda, "
    "including the situation in {region}.",
    "Both sides called for a peaceful settlement of the situation in {region} through "
    "dialogue.",
    "The ministers also discussed cooperation with {C} on {area3}.",
    "{pA} informed {pB} about the latest developments in {Ar}.",
    "The sides reaffirmed their commitment to the principles of the UN Charter and "
    "international law.",
};
static const char *const body_agree[] = {
    "Following the talks, the parties signed the {title}.",
    "A package of {nword} documents was signed, including the {title} and the {title2}.",
    "The {title3} was also signed in the presence of {pA} and {pB}.",
    "The sides agreed to speed up work on the draft {title2}.",
};
static const char *const body_invite[] = {
    "{pA} invited {pB} to pay {alevel} visit to {An} at a mutually convenient time. The "
    "invitation was accepted with gratitude.",
    "It was agreed to hold the next meeting of the intergovernmental commission in {Ac} in "
    "{nextyear}.",
    "The sides agreed to maintain regular contacts at the level of foreign ministries.",
};
static const char *const body_anniv[] = {
    ("This year marks the {anniv} anniversary of the establishment of diplomatic relations "
     "between {An} and {Bn}."),
    "Diplomatic relations between the two countries were established on {estdate}.",
    "{An} and {Bn} have maintained {status} since {statyear}.",
    "The sides agreed to hold a series of cultural events to mark the anniversary.",
};
static const char *const body_program[] = {
    "As part of the visit, {pA} is expected to meet representatives of the {Bd} business "
    "community and visit an industrial zone near {Bc}.",
    "The {Ad} delegation laid a wreath at the memorial to the defenders of the homeland in "
    "{Bc}.",
    "A business forum attended by {num} companies from the two countries was held on the "
    "margins of the visit.",
    "The delegation includes {QA} and the heads of several ministries and agencies.",
    "The official welcoming ceremony took place at the presidential palace.",
    "{pA} also met with {QB}.",
    "{pA} will also meet the leadership of the {Bd} parliament.",
    "On the second day of the visit, the delegation will travel to one of the regions of "
    "{Bn}.",
};
static const char *const body_amb[] = {
    "The sides discussed the schedule of upcoming bilateral events, including a visit of a "
    "{Ad} delegation to {Bc}.",
    "{pB} wished the Ambassador success in {hisA} mission and assured {himA} of the support "
    "of the {Bd} side.",
    "{pA} thanked {pB} for the assistance provided during {hisA} tenure in {Bc}.",
    "{NA} has served as {Ad} Ambassador to {Bn} since {prevyear}.",
};
static const char *const body_session[] = {
    "The parties reviewed the implementation of the Plan of Consultations between the "
    "Ministries of Foreign Affairs for {year}-{nextyear}.",
    "The working groups on {area} and {area2} reported on progress made since the previous "
    "session.",
    "The protocol of the meeting was signed at the end of the session.",
    "The next round will be held in {Ac} in {nextyear}.",
};
static const char *const body_background[] = {
    "{Bn} is one of {An}{s} key partners in {Br}.",
    "The {Ad} side reaffirmed its support for the initiatives of {Bn} within {org}.",
    "The previous round of talks at this level took place in {Ac} in {prevyear}.",
    "{pA} last visited {Bn} in {prevyear}.",
    "{An} opened its embassy in {Bc} in {statyear}.",
    ("Since the beginning of the year, the two countries have exchanged {nword} delegations "
     "at the ministerial level."),
};
static const char *const body_people[] = {
    ("The parties also discussed academic exchanges; {num} {Bd} students currently study in "
     "{An}."),
    "The sides welcomed the launch of a direct flight between {Ac} and {Bc}.",
    "Days of {Ad} culture will be held in {Bc} in {nextyear}.",
    "{pA} proposed to hold a joint tourism forum in {Ac}.",
    "The sides agreed to simplify visa procedures for business people and students.",
};

#define K(k) (1u << (k))
#define K_ALL ((1u << EV_N) - 1)

typedef struct {
    const char *const *sentences;
    size_t n;
    unsigned kinds;   /* K(EV_*) mask of the kinds the group suits */
    int weight;
} body_group;

#define GROUP(arr, mask, w) { arr, N_OF (arr), mask, w }

static const body_group groups[] = {
    GROUP (body_topics, K_ALL, 30),
    GROUP (body_trade, K_ALL & ~K (EV_AMBASSADOR), 14),
    GROUP (body_quote, K_ALL, 12),
    GROUP (body_org, K_ALL, 8),
    GROUP (body_region, K_ALL & ~K (EV_COMMISSION), 8),
    GROUP (body_agree, K (EV_VISIT) | K (EV_MEETING) | K (EV_SIGNING) | K (EV_COMMISSION), 10),
    GROUP (body_invite, K (EV_VISIT) | K (EV_MEETING) | K (EV_PHONE) | K (EV_VIDEO), 8),
    GROUP (body_anniv, K_ALL, 6),
    GROUP (body_program, K (EV_VISIT), 12),
    GROUP (body_amb, K (EV_AMBASSADOR), 20),
    GROUP (body_session, K (EV_CONSULT) | K (EV_COMMISSION), 20),
    GROUP (body_background, K_ALL, 6),
    GROUP (body_people, K_ALL & ~K (EV_CONSULT), 6),
};

static const char *const closings[] = {
    ("At the end of the meeting, the parties expressed confidence that the agreements reached "
     "would contribute to the further development of {Ad}-{Bd} relations."),
    "The talks were held in a warm and constructive atmosphere.",
    "The sides agreed to continue the dialogue at the next meeting.",
    "The event was covered by national and international media.",
};
static const char *const signatures[] = {
    "Press Service of the Ministry of Foreign Affairs of {An}",
    "Press Office of the {OA} of {An}",
    "Source: {agency}",
    "* * *",
    "ENDS",
    "###",
    "For media enquiries: press@mfa.example",
};

/* ---- assembling a document ---------------------------------------------------------------- */

static void
make_person (doc_ctx *c, person *p, const state *s, int role)
{
    const name_pool *np = &pools[s->names];
    memset (p, 0, sizeof *p);
    p->st = s;
    p->role = role;
    p->sector = (int) below (c->rng, N_OF (sectors));
    /* The monarchies in the table have kings, so a head of state there is a man. */
    p->female = chance (c->rng, 30) && !(role == ROLE_HOS && s->hos && is_royal (s->hos));
    p->given = p->female ? np->female[below (c->rng, np->n_female)]
                         : np->male[below (c->rng, np->n_male)];
    p->family = np->family[below (c->rng, np->n_family)];
}

static int
pick_weighted (gen_rng *rng, const int *roles, const int *weights, size_t n)
{
    int total = 0;
    for (size_t i = 0; i < n; i++)
        total += weights[i];
    int r = (int) below (rng, (size_t) total);
    for (size_t i = 0; i < n; i++) {
        if (r < weights[i])
            return roles[i];
        r -= weights[i];
    }
    return roles[0];
}

/* Officials fitting the event: heads of state visit, ambassadors pay calls, deputies consult. */
static void
cast_people (doc_ctx *c)
{
    int ra, rb;
    switch (c->kind) {
    case EV_VISIT: {
        static const int r[] = { ROLE_HOS, ROLE_HOG, ROLE_FM, ROLE_DPM, ROLE_SPEAKER, ROLE_VP };
        static const int w[] = { 30, 25, 25, 8, 6, 6 };
        ra = pick_weighted (c->rng, r, w, N_OF (r));
        rb = chance (c->rng, 75) ? ra : ROLE_HOS;
        break;
    }
    case EV_MEETING: {
        static const int r[] = { ROLE_HOS, ROLE_HOG, ROLE_FM, ROLE_DPM, ROLE_MINISTER,
                                 ROLE_SPEAKER };
        static const int w[] = { 20, 20, 30, 10, 15, 5 };
        ra = pick_weighted (c->rng, r, w, N_OF (r));
        rb = chance (c->rng, 60) ? ra : pick_weighted (c->rng, r, w, N_OF (r));
        break;
    }
    case EV_PHONE:
    case EV_VIDEO: {
        static const int r[] = { ROLE_HOS, ROLE_HOG, ROLE_FM, ROLE_MINISTER };
        static const int w[] = { 30, 20, 35, 15 };
        ra = pick_weighted (c->rng, r, w, N_OF (r));
        rb = chance (c->rng, 80) ? ra : pick_weighted (c->rng, r, w, N_OF (r));
        break;
    }
    case EV_SIGNING: {
        static const int r[] = { ROLE_FM, ROLE_MINISTER, ROLE_DPM, ROLE_HOG };
        static const int w[] = { 30, 40, 15, 15 };
        ra = pick_weighted (c->rng, r, w, N_OF (r));
        rb = ra;
        break;
    }
    case EV_AMBASSADOR: {
        static const int r[] = { ROLE_FM, ROLE_DEPFM, ROLE_HOS, ROLE_HOG, ROLE_MINISTER,
                                 ROLE_SPEAKER };
        static const int w[] = { 35, 20, 10, 10, 15, 10 };
        ra = ROLE_AMB;
        rb = pick_weighted (c->rng, r, w, N_OF (r));
        break;
    }
    case EV_CONSULT:
        ra = rb = ROLE_DEPFM;
        break;
    default:
        ra = rb = chance (c->rng, 50) ? ROLE_DPM : ROLE_MINISTER;
        break;
    }
    make_person (c, &c->p[0], c->st[0], ra);
    make_person (c, &c->p[1], c->st[1], rb);
    c->p[0].host = c->st[1];
    /* Counterpart ministers usually hold the same portfolio. */
    if (ra == ROLE_MINISTER && rb == ROLE_MINISTER && chance (c->rng, 70))
        c->p[1].sector = c->p[0].sector;
    /* A minister talks about the portfolio: it becomes the main area, kept distinct. */
    if (ra == ROLE_MINISTER) {
        size_t main_area = (size_t) sectors[c->p[0].sector].area;
        for (size_t j = 1; j < G_N_ELEMENTS (c->area); j++)
            if (c->area[j] == main_area)
                c->area[j] = c->area[0];
        c->area[0] = main_area;
    }
    make_person (c, &c->q[0], c->st[0], ra == ROLE_FM ? ROLE_MINISTER : ROLE_FM);
    make_person (c, &c->q[1], c->st[1], rb == ROLE_FM ? ROLE_MINISTER : ROLE_FM);
}

static void
choose_facts (doc_ctx *c)
{
    static const int kind_weight[EV_N] = { 22, 22, 14, 8, 14, 10, 5, 5 };
    int total = 0, r;
    for (int k = 0; k < EV_N; k++)
        total += kind_weight[k];
    r = (int) below (c->rng, (size_t) total);
    for (c->kind = 0; r >= kind_weight[c->kind]; c->kind++)
        r -= kind_weight[c->kind];

    size_t a = below (c->rng, N_OF (states)), b, s3;
    do
        b = below (c->rng, N_OF (states));
    while (b == a);
    do
        s3 = below (c->rng, N_OF (states));
    while (s3 == a || s3 == b);
    c->st[0] = &states[a];
    c->st[1] = &states[b];
    c->st[2] = &states[s3];

    /* Five distinct areas: the first is the main subject of the release. */
    for (size_t i = 0; i < 5; i++) {
        gboolean dup;
        do {
            c->area[i] = below (c->rng, N_OF (areas));
            dup = FALSE;
            for (size_t j = 0; j < i; j++)
                dup = dup || c->area[j] == c->area[i];
        } while (dup);
    }

    static const char *const levels[] = { "state", "official", "official", "working",
                                          "working" };
    c->level = PICK (c->rng, levels);
    c->year = between (c->rng, 2019, 2024);
    c->month = between (c->rng, 1, 12);
    c->day = between (c->rng, 1, 26);
    c->rel = chance (c->rng, 40) ? 1 : 0;
    c->est_year = between (c->rng, 1956, 2008);
    c->est_month = between (c->rng, 1, 12);
    c->est_day = between (c->rng, 1, 28);
    c->status_year = between (c->rng, c->est_year + 1, c->year - 1);
    c->org = &PICK (c->rng, orgs);
    c->status = &PICK (c->rng, statuses);
    c->venue = NULL;
    c->curly = chance (c->rng, 35);
    static const char *const dashes[] = { "-", "--", "\u2013", "\u2014" };
    c->dash = PICK (c->rng, dashes);
    cast_people (c);

    /* Three distinct titles, rendered once so that later mentions repeat them exactly. */
    size_t used[3];
    for (size_t i = 0; i < 3; i++) {
        gboolean dup;
        do {
            used[i] = below (c->rng, N_OF (title_patterns));
            dup = FALSE;
            for (size_t j = 0; j < i; j++)
                dup = dup || used[j] == used[i];
        } while (dup);
        GString *saved = c->out;
        g_string_truncate (c->title[i], 0);
        c->out = c->title[i];
        /* A leading space keeps the sentence rule from capitalizing "the" inside a title;
         * it is dropped afterwards. */
        g_string_append_c (c->out, ' ');
        c->sentence = 0;
        expand (c, title_patterns[used[i]]);
        g_string_erase (c->out, 0, 1);
        c->out = saved;
    }
}

static void
append_dateline (doc_ctx *c, gboolean *separate_line)
{
    const char *city = (c->kind == EV_PHONE || c->kind == EV_VIDEO) ? c->st[0]->capital
                                                                    : c->st[1]->capital;
    int d = c->day + c->rel;
    const char *mon = months[c->month - 1];
    *separate_line = FALSE;
    switch (below (c->rng, 5)) {
    case 0: {
        char *up = g_utf8_strup (city, -1);
        g_string_append_printf (c->out, "%s, %d %s %d %s ", up, d, mon, c->year, c->dash);
        g_free (up);
        break;
    }
    case 1:
        g_string_append_printf (c->out, "%s, %s %d (%s) %s ", city, mon, d,
                                PICK (c->rng, agencies), c->dash);
        break;
    case 2:
        g_string_append_printf (c->out, "%s (%s), %d %s %s ", city, PICK (c->rng, agencies), d,
                                mon, c->dash);
        break;
    case 3:
        g_string_append_printf (c->out, "%s, %02d.%02d.%d", city, d, c->month, c->year);
        *separate_line = TRUE;
        break;
    default:
        g_string_append_printf (c->out, "%d %s %d", d, mon, c->year);
        *separate_line = TRUE;
        break;
    }
}

/* Break lines longer than width at spaces, as e-mailed releases are. */
static void
hard_wrap (GString *s, size_t from, size_t width)
{
    size_t line = from, last_space = 0;
    for (size_t i = from; i < s->len; i++) {
        if (s->str[i] == '\n') {
            line = i + 1;
            last_space = 0;
        } else if (s->str[i] == ' ') {
            if (i - line > width && last_space > line) {
                s->str[last_space] = '\n';
                line = last_space + 1;
            }
            last_space = i;
        }
    }
}

static void
crlf (GString *s, size_t from)
{
    for (size_t i = from; i < s->len; i++) {
        if (s->str[i] == '\n') {
            g_string_insert_c (s, (gssize) i, '\r');
            i++;
        }
    }
}

static gboolean
group_open (const doc_ctx *c, size_t i)
{
    return (groups[i].kinds & K (c->kind)) &&
           c->used[i] != (uint32_t) ((1ull << groups[i].n) - 1);
}

/* A group that suits the event and still has a sentence the release has not used; a long
 * release that has used them all starts over rather than stopping short. */
static size_t
pick_group (doc_ctx *c)
{
    int total = 0;
    for (size_t i = 0; i < N_OF (groups); i++)
        if (group_open (c, i))
            total += groups[i].weight;
    if (total == 0) {
        memset (c->used, 0, sizeof c->used);
        return pick_group (c);
    }
    int r = (int) below (c->rng, (size_t) total);
    for (size_t i = 0; i < N_OF (groups); i++) {
        if (!group_open (c, i))
            continue;
        if (r < groups[i].weight)
            return i;
        r -= groups[i].weight;
    }
    return 0;
}

static void
body_paragraph (doc_ctx *c, const char *sep)
{
    size_t gi = pick_group (c);
    const body_group *g = &groups[gi];
    size_t want = (size_t) between (c->rng, 1, 3), first = below (c->rng, g->n), done = 0;
    /* Unused sentences of one group, in order from a random start, read as one subject. */
    for (size_t i = 0; i < g->n && done < want; i++) {
        size_t k = (first + i) % g->n;
        if (c->used[gi] & (1u << k))
            continue;
        c->used[gi] |= 1u << k;
        if (done++ > 0)
            g_string_append_c (c->out, ' ');
        sentence (c, g->sentences[k]);
    }
    g_string_append (c->out, sep);
}

static void
agreement_list (doc_ctx *c, const char *sep)
{
    sentence (c, "The following documents were signed:");
    g_string_append_c (c->out, '\n');
    for (int i = 0; i < 3; i++) {
        g_string_append_printf (c->out, "%s %s%s\n", chance (c->rng, 50) ? "-" : "\u2022",
                                c->title[i]->str, i == 2 ? "." : ";");
    }
    g_string_append (c->out, sep + 1);
}

void
gen_document (GString *out, gen_rng *rng)
{
    doc_ctx c = { .rng = rng, .out = out };
    size_t begin = out->len;
    G_STATIC_ASSERT (G_N_ELEMENTS (groups) <= G_N_ELEMENTS (c.used));
    for (int i = 0; i < 3; i++)
        c.title[i] = g_string_new (NULL);
    choose_facts (&c);
    const kind_templates *kt = &kinds[c.kind];
    if (c.kind == EV_MEETING && chance (rng, 30))
        c.venue = c.org->venue;

    /* Sizes from ~300 bytes to ~6 KB, most releases short: the square skews towards 300. */
    double u = (double) (gen_rng_next (rng) >> 11) / 9007199254740992.0;
    size_t target = 250 + (size_t) (u * u * 5400.0);
    const char *sep = chance (rng, 80) ? "\n\n" : "\n";

    if (chance (rng, 70)) {
        size_t h = out->len;
        sentence (&c, kt->headlines[below (rng, kt->n_headlines)]);
        if (chance (rng, 8)) {
            char *up = g_utf8_strup (out->str + h, -1);
            g_string_truncate (out, h);
            g_string_append (out, up);
            g_free (up);
        }
        g_string_append (out, "\n\n");
    }
    if (chance (rng, 45)) {
        gboolean separate;
        append_dateline (&c, &separate);
        if (separate)
            g_string_append (out, "\n\n");
    }
    sentence (&c, kt->leads[below (rng, kt->n_leads)]);
    if (chance (rng, 60)) {
        g_string_append_c (out, ' ');
        sentence (&c, kt->leads2[below (rng, kt->n_leads2)]);
    }
    g_string_append (out, sep);

    gboolean listed = FALSE;
    while (out->len - begin < target) {
        if (!listed && (c.kind == EV_SIGNING || c.kind == EV_VISIT) && chance (rng, 15)) {
            agreement_list (&c, sep);
            listed = TRUE;
            continue;
        }
        body_paragraph (&c, sep);
    }
    if (chance (rng, 50)) {
        sentence (&c, PICK (rng, closings));
        g_string_append (out, sep);
    }
    if (chance (rng, 35)) {
        sentence (&c, PICK (rng, signatures));
        g_string_append_c (out, '\n');
    }
    /* One line break at the end, whatever separator the last paragraph used. */
    while (out->len > begin && out->str[out->len - 1] == '\n')
        g_string_truncate (out, out->len - 1);
    g_string_append_c (out, '\n');

    if (chance (rng, 10))
        hard_wrap (out, begin, 72);
    if (chance (rng, 4))
        crlf (out, begin);
    for (int i = 0; i < 3; i++)
        g_string_free (c.title[i], TRUE);
}

size_t
gen_corpus (GString *buf, GArray *spans, size_t bytes, uint64_t seed)
{
    gen_rng rng;
    size_t n = 0, goal = buf->len + bytes;
    gen_rng_init (&rng, seed);
    while (buf->len < goal) {
        gen_span sp = { .offset = buf->len };
        gen_document (buf, &rng);
        sp.len = buf->len - sp.offset;
        g_array_append_val (spans, sp);
        n++;
    }
    return n;
}

gboolean
gen_parse_size (const char *text, size_t *out)
{
    char *end = NULL;
    if (text == NULL || *text < '0' || *text > '9')
        return FALSE;
    unsigned long long v = strtoull (text, &end, 10);
    unsigned long long mul = 1;
    if (*end == 'k' || *end == 'K')
        mul = 1000ULL;
    else if (*end == 'M')
        mul = 1000000ULL;
    else if (*end == 'G')
        mul = 1000000000ULL;
    if (mul != 1)
        end++;
    if (*end != '\0' || v == 0 || v > SIZE_MAX / mul)
        return FALSE;
    *out = (size_t) (v * mul);
    return TRUE;
}
