// A copy of the sample tree to break, and an earlier render that must survive the failed one.
def tree = evaluate(new File(basedir, '../../../src/it/lib/broken-sample.groovy'))
new File(tree, 'features/base/info.yaml').text = 'description: "minimal base layer"\ntype: element\nfeatures:\n  include: [ _slim, server ]\n'
return true
