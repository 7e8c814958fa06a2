// A copy of the sample tree to break, and an earlier render that must survive the failed one.
evaluate(new File(basedir, '../../../src/it/lib/broken-sample.groovy'))
// the tree stays valid: a package name is too long
return true
